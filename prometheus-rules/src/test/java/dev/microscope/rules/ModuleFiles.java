package dev.microscope.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where this module's rule files, tests and examples, and the repository's docs, live. */
final class ModuleFiles {
  private ModuleFiles() {}

  /** The prometheus-rules module directory (Maven runs the tests from it). */
  static Path module() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    if (!Files.isRegularFile(dir.resolve("alerts.yml"))) {
      throw new IllegalStateException("not the prometheus-rules module: " + dir);
    }
    return dir;
  }

  static Path repository() {
    return module().getParent();
  }

  /** Every rule file: the *.yml files at the top of the module. */
  static List<Path> ruleFiles() {
    return ymlFilesIn(module());
  }

  /** Every promtool unit-test file. */
  static List<Path> promtoolTests() {
    return ymlFilesIn(module().resolve("tests"));
  }

  static Path alertmanagerConfig() {
    return module().resolve("alertmanager/alertmanager.yml");
  }

  static Path alertmanagerTemplates() {
    return module().resolve("alertmanager/templates");
  }

  static Path dashboard() {
    return module().resolve("grafana/microscope-fleet.json");
  }

  static Path runbooks() {
    return repository().resolve("docs/runbooks.md");
  }

  static Path contract() {
    return repository().resolve("docs/contract.md");
  }

  private static List<Path> ymlFilesIn(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found =
          files.filter(p -> p.getFileName().toString().endsWith(".yml")).sorted().toList();
      if (found.isEmpty()) {
        throw new IllegalStateException("no .yml files in " + dir);
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
