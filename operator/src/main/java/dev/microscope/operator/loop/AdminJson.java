package dev.microscope.operator.loop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** JSON documents of the admin APIs and their files, written stably (docs/contract.md). */
public final class AdminJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AdminJson() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Four decimals: enough for rates, and no float noise that would rewrite a file. */
  public static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
