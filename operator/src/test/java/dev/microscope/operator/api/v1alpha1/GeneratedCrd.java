package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The CRD this build generated, and where the repository keeps its copy. */
final class GeneratedCrd {
  static final String FILE = "chaosfleets.microscope.dev-v1.yml";
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private GeneratedCrd() {}

  static Path repositoryRoot() {
    return Path.of(System.getProperty("microscope.repositoryRoot", ".."))
        .toAbsolutePath()
        .normalize();
  }

  /** What the crd-generator wrote into target/classes in this build. */
  static Path generated() {
    return Path.of("target", "classes", "META-INF", "fabric8", FILE).toAbsolutePath();
  }

  static Path committed() {
    return repositoryRoot().resolve("crds").resolve(FILE);
  }

  static JsonNode schema() {
    try {
      var crd = YAML.readTree(Files.readString(generated()));
      return crd.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
