package dev.microscope.operator.control;

import java.time.Duration;

/**
 * The fleet's service level objectives.
 *
 * @param availabilityObjective share of requests that must not fail with 5xx (e.g. 0.99)
 * @param latencyThresholdSeconds a request slower than this violates the latency SLO; one of the
 *     histogram's bucket bounds
 * @param latencyObjective share of requests that must be faster than the threshold
 * @param window the SLO window the error budget is counted over
 */
public record Slo(
    double availabilityObjective,
    double latencyThresholdSeconds,
    double latencyObjective,
    Duration window) {
  public Slo {
    Checks.between(availabilityObjective, 0.5, 0.99999, "slo.availability.objective");
    Checks.between(latencyThresholdSeconds, 0.001, 3600, "slo.latency.thresholdSeconds");
    Checks.between(latencyObjective, 0.5, 0.99999, "slo.latency.objective");
    Checks.positive(window, "slo.window");
  }

  public static Slo defaults() {
    return new Slo(0.99, 0.3, 0.95, Duration.ofDays(30));
  }

  /** The error ratio the availability objective allows: 1 - objective. */
  public double errorBudget() {
    return 1 - availabilityObjective;
  }

  /** The share of slow requests the latency objective allows: 1 - objective. */
  public double latencyBudget() {
    return 1 - latencyObjective;
  }
}
