package dev.microscope.operator.kube;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;

/** Health probes of the worker image's processes. */
final class Probes {
  private Probes() {}

  /** GET /health on the given port; {@code failures} misses in a row before acting. */
  static Probe health(int port, int failures) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath("/health")
        .withPort(new IntOrString(port))
        .endHttpGet()
        .withPeriodSeconds(5)
        .withTimeoutSeconds(2)
        .withFailureThreshold(failures)
        .build();
  }
}
