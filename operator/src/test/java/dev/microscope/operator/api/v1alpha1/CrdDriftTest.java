package dev.microscope.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed CRD is what the Java classes generate, and it documents every field. */
class CrdDriftTest {
  @Test
  void committedCrdEqualsTheGeneratedOne() throws IOException {
    assertThat(GeneratedCrd.generated()).exists();
    assertThat(Files.readString(GeneratedCrd.committed()))
        .as(
            "crds/%s differs from what the build generates; after changing the API run"
                + " ./mvnw -pl operator process-classes and copy %s to crds/",
            GeneratedCrd.FILE, GeneratedCrd.generated())
        .isEqualTo(Files.readString(GeneratedCrd.generated()));
  }

  @Test
  void everySpecAndStatusFieldHasADescription() {
    var schema = GeneratedCrd.schema();
    var missing = new ArrayList<String>();
    undocumented(schema.path("properties").path("spec"), "spec", missing);
    undocumented(schema.path("properties").path("status"), "status", missing);
    assertThat(missing).isEmpty();
  }

  @Test
  void crdHasStatusSubresourceShortNameAndPrinterColumns() throws IOException {
    var crd = GeneratedCrd.YAML.readTree(Files.readString(GeneratedCrd.generated()));
    var version = crd.path("spec").path("versions").get(0);
    assertThat(crd.path("spec").path("scope").asText()).isEqualTo("Namespaced");
    assertThat(crd.path("spec").path("names").path("shortNames").get(0).asText()).isEqualTo("cf");
    assertThat(version.path("subresources").has("status")).isTrue();
    var columns = new ArrayList<String>();
    version.path("additionalPrinterColumns").forEach(c -> columns.add(c.path("name").asText()));
    assertThat(columns)
        .containsExactlyInAnyOrder("Ready", "Desired", "Chaos", "Budget", "Health", "Mode", "Age");
  }

  private static void undocumented(JsonNode node, String path, List<String> missing) {
    if (!node.has("description")) {
      missing.add(path);
    }
    node.path("properties")
        .fields()
        .forEachRemaining(f -> undocumented(f.getValue(), path + "." + f.getKey(), missing));
    if (node.has("items")) {
      node.path("items")
          .path("properties")
          .fields()
          .forEachRemaining(f -> undocumented(f.getValue(), path + "[]." + f.getKey(), missing));
    }
  }
}
