package dev.microscope.operator.kube;

import java.util.Optional;

/**
 * Operator-wide settings a fleet falls back to.
 *
 * @param workerImage image of workers and traffic generators when a fleet names none
 * @param defaultPrometheusUrl Prometheus URL when a fleet names none; may be null
 */
public record OperatorConfig(String workerImage, String defaultPrometheusUrl) {
  public Optional<String> prometheusUrl() {
    return Optional.ofNullable(defaultPrometheusUrl).filter(u -> !u.isBlank());
  }

  /** The default for an operator of the given version. */
  public static OperatorConfig defaults(String version) {
    return new OperatorConfig("microscope/worker:" + version, null);
  }
}
