package dev.microscope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** The chart and the images it names are released with the project: one version. */
class ChartVersionTest {
  @Test
  void chartAndAppVersionAreTheProjectVersion() {
    var project = System.getProperty("microscope.version");
    assertThat(project).isNotBlank();
    assertThat(chartVersion()).as("Chart.yaml version").isEqualTo(project);
    assertThat(appVersion()).as("Chart.yaml appVersion").isEqualTo(project);
  }

  static String chartVersion() {
    return chartYaml("version");
  }

  static String appVersion() {
    return chartYaml("appVersion");
  }

  private static String chartYaml(String field) {
    try {
      return Rendered.YAML
          .readTree(ChartFiles.chart().resolve("Chart.yaml").toFile())
          .path(field)
          .asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
