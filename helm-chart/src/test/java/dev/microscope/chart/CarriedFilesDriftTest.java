package dev.microscope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The chart carries copies of files that live elsewhere (Helm reads nothing outside the chart): the
 * generated CRD, the rule files and the dashboard. Each copy must equal its source.
 */
class CarriedFilesDriftTest {
  private static final String SYNC = "./mvnw -pl helm-chart -Psync-chart generate-resources";

  @ParameterizedTest(name = "{1} carries {0}")
  @CsvSource({
    "crds, crds, .yml",
    "prometheus-rules, files/prometheus-rules, .yml",
    "prometheus-rules/grafana, files/grafana, .json",
  })
  void theChartsCopiesEqualTheirSources(String source, String copy, String suffix) {
    List<Path> sources = ChartFiles.list(ChartFiles.repository().resolve(source), suffix);
    List<Path> copies = ChartFiles.list(ChartFiles.chart().resolve(copy), suffix);
    assertThat(sources).as("files in %s", source).isNotEmpty();
    assertThat(copies.stream().map(p -> p.getFileName().toString()))
        .as("the files of helm/microscope/%s are those of %s; run %s", copy, source, SYNC)
        .containsExactlyElementsOf(sources.stream().map(p -> p.getFileName().toString()).toList());
    for (int i = 0; i < sources.size(); i++) {
      assertThat(ChartFiles.read(copies.get(i)))
          .as(
              "%s differs from %s; run %s",
              ChartFiles.repository().relativize(copies.get(i)),
              ChartFiles.repository().relativize(sources.get(i)),
              SYNC)
          .isEqualTo(ChartFiles.read(sources.get(i)));
    }
  }
}
