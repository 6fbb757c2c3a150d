package dev.microscope.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fleet in examples/ passes the generated CRD schema and the validator; bad ones fail. */
class ExampleFleetsTest {
  static Stream<Path> examples() throws IOException {
    try (var files = Files.list(GeneratedCrd.repositoryRoot().resolve("examples"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @Test
  void theExpectedExamplesExist() throws IOException {
    assertThat(examples().map(p -> p.getFileName().toString()))
        .contains(
            "quickstart.yaml",
            "memory-leak.yaml",
            "liar.yaml",
            "high-load.yaml",
            "thousand-workers.yaml");
  }

  @ParameterizedTest
  @MethodSource("examples")
  void exampleIsAValidFleet(Path example) throws IOException {
    var yaml = read(example);
    assertThat(yaml.path("apiVersion").asText()).isEqualTo("microscope.dev/v1alpha1");
    assertThat(yaml.path("kind").asText()).isEqualTo("ChaosFleet");
    assertThat(StructuralSchemaValidator.validate(GeneratedCrd.schema(), withoutEnvelope(yaml)))
        .isEmpty();
    var fleet = GeneratedCrd.YAML.treeToValue(yaml, ChaosFleet.class);
    assertThat(new ChaosFleetValidator().validate(fleet)).isEmpty();
    assertThat(Files.readString(example)).startsWith("# ");
  }

  @Test
  void theThousandWorkerFleetHasAThousandVirtualWorkers() throws IOException {
    var fleet =
        GeneratedCrd.YAML.treeToValue(
            read(GeneratedCrd.repositoryRoot().resolve("examples/thousand-workers.yaml")),
            ChaosFleet.class);
    var workers = fleet.getSpec().getWorkers();
    assertThat(workers.getReplicas().getInitial() * workers.getWorkersPerPod()).isEqualTo(1000);
  }

  @ParameterizedTest
  @CsvSource({
    "unknown-field.yaml, spec.workers.replica: unknown field",
    "wrong-type.yaml, spec.traffic.rate: expected a number",
    "unknown-mode.yaml, spec.mode: \"Yolo\" is not one of",
    "latency-not-a-bucket.yaml, spec.slo.latencyThreshold: '400ms' does not match",
    "out-of-range.yaml, spec.chaos.maxLevel: 1.5 is above the maximum 1.0",
    "rule-without-action.yaml, spec.rules[0].action: is required",
  })
  void badFleetsAreRejectedNamingTheField(String file, String problem) throws IOException {
    var yaml =
        GeneratedCrd.YAML.readTree(
            ExampleFleetsTest.class.getResourceAsStream("/bad-fleets/" + file));
    assertThat(StructuralSchemaValidator.validate(GeneratedCrd.schema(), withoutEnvelope(yaml)))
        .anySatisfy(p -> assertThat(p).startsWith(problem));
  }

  @Test
  void validatorChecksNestedTypesArraysAndNulls() throws IOException {
    var schema =
        GeneratedCrd.YAML.readTree(
            """
            type: object
            properties:
              list: {type: array, maxItems: 1, items: {type: integer, minimum: 0}}
              flag: {type: boolean}
              anything: {type: object, x-kubernetes-preserve-unknown-fields: true}
              port: {x-kubernetes-int-or-string: true}
            """);
    assertThat(
            StructuralSchemaValidator.validate(
                schema,
                GeneratedCrd.YAML.readTree(
                    "{list: [1, -1], flag: 'yes', anything: {x: 1}, port: 8080}")))
        .containsExactlyInAnyOrder(
            "list: more than 1 items",
            "list[1]: -1 is below the minimum 0.0",
            "flag: expected a boolean, got STRING");
    assertThat(
            StructuralSchemaValidator.validate(
                schema, GeneratedCrd.YAML.readTree("{port: true, list: null}")))
        .containsExactlyInAnyOrder(
            "port: expected an integer or a string", "list: null is not allowed");
  }

  private static JsonNode read(Path file) throws IOException {
    return GeneratedCrd.YAML.readTree(Files.readString(file));
  }

  /** apiVersion, kind and metadata are checked by the API server itself, not by the schema. */
  private static JsonNode withoutEnvelope(JsonNode yaml) {
    var copy = yaml.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) copy)
        .remove(List.of("apiVersion", "kind", "metadata"));
    return copy;
  }
}
