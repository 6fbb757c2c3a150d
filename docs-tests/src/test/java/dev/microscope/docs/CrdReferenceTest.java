package dev.microscope.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ChaosFleetValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docs/reference/crd.md is what the generator makes of the committed CRD, and every example in it
 * is a fleet the API server would accept (the CRD's schema, defaults applied) and the operator's
 * validator too.
 */
class CrdReferenceTest {
  private static final Path CRD = RepoFiles.of("crds/chaosfleets.microscope.dev-v1.yml");
  private static final Path DOC = RepoFiles.of("docs/reference/crd.md");

  private final CrdReference reference = new CrdReference(Crd.read(CRD));

  @Test
  void committedReferenceIsTheGeneratedOne() throws IOException {
    String generated = reference.render();
    if (Boolean.getBoolean("docs.regenerate")) {
      Files.writeString(DOC, generated);
    }
    assertThat(Files.exists(DOC) ? Files.readString(DOC) : "")
        .as(
            "docs/reference/crd.md is out of date with %s; regenerate it from the repository root"
                + " with:%n  %s%n",
            RepoFiles.root().relativize(CRD), CrdReference.REGENERATE)
        .isEqualTo(generated);
  }

  @Test
  void everyFieldOfTheSchemaHasARow() throws IOException {
    String doc = reference.render();
    List<String> paths = SchemaPaths.of(reference);
    assertThat(paths).hasSizeGreaterThan(100);
    assertThat(paths).allSatisfy(path -> assertThat(doc).contains("| `" + path + "` |"));
  }

  @Test
  void everyTopLevelBlockOfSpecHasAnExample() {
    assertThat(reference.specBlocks())
        .contains("workers", "traffic", "chaos", "slo", "prometheus", "mode", "rules", "quota")
        .allSatisfy(block -> assertThat(CrdReference.example(block)).as(block).isNotBlank());
  }

  @TestFactory
  List<DynamicTest> examplesAreValidFleets() {
    var schema = new StructuralSchema(Crd.read(CRD).schema());
    return reference.specBlocks().stream()
        .map(
            block ->
                DynamicTest.dynamicTest(
                    "spec." + block,
                    () -> {
                      Map<String, Object> fleet = fleet(CrdReference.example(block));
                      Map<String, Object> spec = Crd.map(fleet.get("spec"));
                      assertThat(spec.keySet()).as("the example of spec.%s", block).contains(block);
                      Object defaulted = schema.withDefaults(fleet);
                      assertThat(schema.violations(defaulted, "")).as("schema").isEmpty();
                      var model = new ObjectMapper().convertValue(defaulted, ChaosFleet.class);
                      assertThat(new ChaosFleetValidator().validate(model))
                          .as("the operator's validator")
                          .isEmpty();
                    }))
        .toList();
  }

  @Test
  void theSchemaCheckRejectsWhatTheApiServerWould() {
    var schema = new StructuralSchema(Crd.read(CRD).schema());
    Object bad =
        schema.withDefaults(
            fleet(
                "spec:\n  mode: Sometimes\n  workers:\n    replicas: {min: 0}\n    colour: red\n"));
    assertThat(schema.violations(bad, ""))
        .contains(
            ".spec.mode: 'Sometimes' is not one of [DryRun, Enforce, Observe]",
            ".spec.workers.replicas.min: 0.0 is below 1.0",
            ".spec.workers.colour: unknown field");
  }

  private static Map<String, Object> fleet(String specYaml) {
    Map<String, Object> fleet = new LinkedHashMap<>();
    fleet.put("apiVersion", "microscope.dev/v1alpha1");
    fleet.put("kind", "ChaosFleet");
    fleet.put("metadata", Map.of("name", "example", "namespace", "default"));
    fleet.putAll(Crd.map(new Yaml(new SafeConstructor(new LoaderOptions())).load(specYaml)));
    return fleet;
  }
}
