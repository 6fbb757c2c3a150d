package dev.microscope.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The API server fills defaults from the CRD; a fleet read without one (mock server, local mode)
 * gets the Java field initialisers. Both must agree.
 */
class DefaultsTest {
  /**
   * A bare fleet is what java-operator-sdk server-side applies to the fleet itself (it did so for a
   * finalizer): it must carry no spec, or the apply would reset every defaulted field a user set
   * (found on a real API server).
   */
  @Test
  void aBareFleetHasNoSpecToApply() {
    var bare = new ChaosFleet();
    assertThat(bare.getSpec()).isNull();
    assertThat(new ObjectMapper().valueToTree(bare).has("spec")).isFalse();
    assertThat(ChaosFleet.withDefaultSpec().getSpec())
        .usingRecursiveComparison()
        .isEqualTo(new ChaosFleetSpec());
  }

  @Test
  void crdDefaultsEqualJavaDefaults() {
    var spec = GeneratedCrd.schema().path("properties").path("spec").path("properties");
    var java = new ObjectMapper().valueToTree(new ChaosFleetSpec());
    spec.fields()
        .forEachRemaining(
            f -> {
              if (f.getValue().has("default")) {
                assertThat(f.getValue().get("default"))
                    .as(f.getKey())
                    .isEqualTo(java.get(f.getKey()));
              }
              compareNested(f.getValue(), java.get(f.getKey()), "spec." + f.getKey());
            });
  }

  private static void compareNested(JsonNode schema, JsonNode java, String path) {
    if (java == null || !java.isObject()) {
      return;
    }
    schema
        .path("properties")
        .fields()
        .forEachRemaining(
            f -> {
              if (f.getValue().has("default")) {
                var expected = f.getValue().get("default");
                var actual = java.get(f.getKey());
                assertThat(actual).as(path + "." + f.getKey()).isNotNull();
                if (expected.isNumber()) {
                  assertThat(actual.asDouble())
                      .as(path + "." + f.getKey())
                      .isEqualTo(expected.asDouble());
                } else {
                  assertThat(actual).as(path + "." + f.getKey()).isEqualTo(expected);
                }
              }
              compareNested(f.getValue(), java.get(f.getKey()), path + "." + f.getKey());
            });
  }

  @Test
  void durationsParseThePrometheusWay() {
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("30d")).isEqualTo(Duration.ofDays(30));
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Durations.parse("5 minutes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5 minutes");
  }
}
