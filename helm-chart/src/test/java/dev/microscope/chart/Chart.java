package dev.microscope.chart;

import com.marcnuri.helm.Helm;
import java.nio.file.Path;
import java.util.Map;

/** The chart rendered by an embedded Helm, as `helm template` does. */
final class Chart {
  static final String RELEASE = "microscope";
  static final String NAMESPACE = "microscope-system";

  /** The Kubernetes release the project tests against (e2e/k8s-bin/env.sh). */
  static final String KUBE_VERSION = "1.34.10";

  private Chart() {}

  /** Rendered with the chart's default values, plus `--set` pairs. */
  static Rendered render(Map<String, ?> set) {
    return render(null, set);
  }

  /** Rendered with a values file (may be null) and `--set` pairs. */
  static Rendered render(Path values, Map<String, ?> set) {
    var template =
        new Helm(ChartFiles.chart())
            .template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .withKubeVersion(KUBE_VERSION);
    if (values != null) {
      template.withValuesFile(values);
    }
    set.forEach(template::set);
    return Rendered.parse(template.call());
  }

  static Rendered defaults() {
    return render(Map.of());
  }

  static Rendered everyOption() {
    return render(ChartFiles.everyOption(), Map.of());
  }
}
