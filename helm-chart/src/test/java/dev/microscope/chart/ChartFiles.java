package dev.microscope.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the chart, the files it carries and their sources live. */
final class ChartFiles {
  private ChartFiles() {}

  static Path repository() {
    return Path.of(System.getProperty("microscope.repositoryRoot", ".."))
        .toAbsolutePath()
        .normalize();
  }

  static Path chart() {
    var chart = repository().resolve("helm/microscope");
    if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
      throw new IllegalStateException("no chart at " + chart);
    }
    return chart;
  }

  /** The chart's single source of the operator's RBAC rules. */
  static Path rbacRules() {
    return chart().resolve("files/operator-rbac.yaml");
  }

  /** Values that switch on every optional part of the chart. */
  static Path everyOption() {
    try {
      return Path.of(ChartFiles.class.getResource("/every-option.yaml").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The files of a folder whose names end with one of the suffixes, sorted by name. */
  static List<Path> list(Path dir, String... suffixes) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> Stream.of(suffixes).anyMatch(s -> p.getFileName().toString().endsWith(s)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
