package dev.microscope.worker.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one Jackson mapper of the process. Loaded on first use, so a worker that never sees JSON (no
 * admin call, no order, no files) does not pay Jackson's start-up cost.
 */
public final class Json {
  private Json() {}

  private static final class Holder {
    private static final ObjectMapper MAPPER =
        new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  public static ObjectMapper mapper() {
    return Holder.MAPPER;
  }

  /** Parses a document; malformed input is a {@link BadFieldException} on the root. */
  public static JsonNode parse(byte[] body) {
    try {
      JsonNode node = mapper().readTree(body);
      if (node == null || node.isMissingNode()) {
        throw new BadFieldException(BadFieldException.ROOT, "empty body, expected a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new BadFieldException(
          BadFieldException.ROOT, "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] write(JsonNode node) {
    try {
      return mapper().writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
