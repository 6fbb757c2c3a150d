package dev.microscope.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FixtureExporterTest {
  @Test
  void servesWhatTheTestSetsInTextFormat() {
    try (FixtureExporter exporter = FixtureExporter.start()) {
      exporter
          .set("b_total", Map.of("worker", "w\"1", "fleet", "f"), 2)
          .add("b_total", Map.of("fleet", "f", "worker", "w\"1"), 3)
          .set("a", Map.of(), Double.NaN)
          .set("gone", Map.of(), 1)
          .remove("gone", Map.of());
      String body = Http.get("http://" + exporter.hostPort() + "/metrics").body();
      assertThat(body).isEqualTo("a NaN\nb_total{fleet=\"f\",worker=\"w\\\"1\"} 5.0\n");
    }
  }
}
