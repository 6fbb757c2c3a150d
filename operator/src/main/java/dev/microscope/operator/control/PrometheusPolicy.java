package dev.microscope.operator.control;

/**
 * What the operator does when it cannot read Prometheus.
 *
 * @param failureThreshold consecutive failed polls that turn safe mode on
 * @param whileBlind what safe mode does to chaos
 */
public record PrometheusPolicy(int failureThreshold, WhileBlind whileBlind) {
  public PrometheusPolicy {
    Checks.atLeast(failureThreshold, 1, "prometheus.failureThreshold");
    Checks.required(whileBlind, "prometheus.whileBlind");
  }

  public static PrometheusPolicy defaults() {
    return new PrometheusPolicy(3, WhileBlind.ZERO_CHAOS);
  }

  /** Safe mode always holds replicas and every action that needs data. */
  public enum WhileBlind {
    /** Chaos drops to zero (the default: no faults while nobody watches). */
    ZERO_CHAOS,
    /** Chaos stays at its level; the workers' leases are still renewed. */
    HOLD_CHAOS
  }
}
