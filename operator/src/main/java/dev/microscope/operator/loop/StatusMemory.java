package dev.microscope.operator.loop;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.control.ControlMemory;
import java.io.IOException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control memory in the fleet's status ({@code status.control.memory}) and back: plain JSON,
 * instants as RFC 3339 text. A memory that cannot be read (hand-edited, from an incompatible
 * version) starts empty, with a warning: the loop then acts like after a first start, which is safe
 * (no cooldown is shorter, no budget larger than after a fresh start).
 */
public final class StatusMemory {
  private static final Logger LOG = LoggerFactory.getLogger(StatusMemory.class);
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .registerModule(
              new SimpleModule()
                  .addSerializer(Instant.class, ToStringSerializer.instance)
                  .addDeserializer(Instant.class, new InstantText()));

  private StatusMemory() {}

  public static ControlMemory read(ChaosFleetStatus status) {
    var node =
        status == null || status.getControl() == null ? null : status.getControl().getMemory();
    return read(node);
  }

  public static ControlMemory read(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return ControlMemory.empty();
    }
    try {
      return JSON.treeToValue(node, ControlMemory.class);
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn(
          "status.control.memory cannot be read, starting from an empty one: {}", e.getMessage());
      return ControlMemory.empty();
    }
  }

  public static JsonNode write(ControlMemory memory) {
    return JSON.valueToTree(memory);
  }

  private static final class InstantText extends StdDeserializer<Instant> {
    InstantText() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext c) throws IOException {
      return Instant.parse(p.getValueAsString());
    }
  }
}
