package dev.microscope.operator.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The lap is shared with the local runtime: nothing in {@code loop/} may need Kubernetes, the
 * operator framework, or the Kubernetes side of the operator.
 */
class LoopPurityTest {
  private static final List<String> FORBIDDEN =
      List.of(
          "io.fabric8.kubernetes",
          "io.javaoperatorsdk",
          "dev.microscope.operator.kube",
          "dev.microscope.operator.api.v1alpha1.ChaosFleet;");

  @Test
  void loopImportsNothingOfKubernetes() throws IOException {
    var root = Path.of("src/main/java/dev/microscope/operator/loop");
    try (Stream<Path> files = Files.list(root)) {
      var sources = files.filter(f -> f.toString().endsWith(".java")).toList();
      assertThat(sources).hasSizeGreaterThan(10);
      for (var file : sources) {
        var text = Files.readString(file);
        assertThat(FORBIDDEN).as(file.getFileName().toString()).noneMatch(text::contains);
      }
    }
  }
}
