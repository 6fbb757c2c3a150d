package dev.microscope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `helm lint --strict` (warnings fail too) with the default values and with every option on. */
class ChartLintTest {
  @Test
  void lintsStrictlyWithTheDefaults() {
    var result = new Helm(ChartFiles.chart()).lint().strict().call();
    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
  }

  /** The embedded lint takes no values file: lint a copy whose values.yaml turns everything on. */
  @Test
  void lintsStrictlyWithEveryOptionOn(@TempDir Path dir) throws IOException {
    var copy = dir.resolve("microscope");
    copyTree(ChartFiles.chart(), copy);
    var values = (ObjectNode) Rendered.YAML.readTree(copy.resolve("values.yaml").toFile());
    merge(values, Rendered.YAML.readTree(ChartFiles.everyOption().toFile()));
    Rendered.YAML.writeValue(copy.resolve("values.yaml").toFile(), values);

    var result = new Helm(copy).lint().strict().call();
    assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
  }

  @Test
  void lintFailsOnABrokenTemplate(@TempDir Path dir) throws IOException {
    // the lint above must be able to fail
    var copy = dir.resolve("microscope");
    copyTree(ChartFiles.chart(), copy);
    Files.writeString(copy.resolve("templates/broken.yaml"), "{{ .Values.nope.deeper }}\n");
    var result = new Helm(copy).lint().strict().call();
    assertThat(result.isFailed()).isTrue();
    assertThat(String.join("\n", result.getMessages())).contains("broken.yaml");
  }

  private static void merge(ObjectNode into, JsonNode from) {
    from.fields()
        .forEachRemaining(
            e -> {
              var existing = into.get(e.getKey());
              if (existing instanceof ObjectNode target && e.getValue().isObject()) {
                merge(target, e.getValue());
              } else {
                into.set(e.getKey(), e.getValue());
              }
            });
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (var p : paths.sorted(Comparator.naturalOrder()).toList()) {
        var target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
