package dev.microscope.operator.control;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.time.Instant;

/**
 * The control memory through JSON and back, as the status stores it: plain Jackson, with instants
 * as RFC 3339 text (the Kubernetes client registers the same for java.time).
 */
final class MemoryJson {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(
              new SimpleModule()
                  .addSerializer(Instant.class, ToStringSerializer.instance)
                  .addDeserializer(
                      Instant.class,
                      new StdDeserializer<>(Instant.class) {
                        @Override
                        public Instant deserialize(JsonParser p, DeserializationContext c)
                            throws IOException {
                          return Instant.parse(p.getValueAsString());
                        }
                      }));

  private MemoryJson() {}

  static String write(ControlMemory memory) {
    try {
      return JSON.writeValueAsString(memory);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static ControlMemory read(String json) {
    try {
      return JSON.readValue(json, ControlMemory.class);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static ControlMemory roundTrip(ControlMemory memory) {
    return read(write(memory));
  }
}
