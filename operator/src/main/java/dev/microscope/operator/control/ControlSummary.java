package dev.microscope.operator.control;

import java.util.List;
import java.util.Map;

/**
 * What the status shows after a cycle.
 *
 * @param errorBudgetExhausted no availability error budget left over the SLO window
 * @param degraded the SLO is violated now, or some worker is about to OOM, flapping, lying or
 *     failing
 * @param sli the fleet's service level indicators by name; only finite values
 */
public record ControlSummary(
    Mode mode,
    boolean paused,
    boolean safeMode,
    int consecutivePrometheusFailures,
    boolean errorBudgetExhausted,
    boolean degraded,
    double chaosLevel,
    double toleranceScore,
    List<Classification> classifications,
    Map<String, Double> sli) {
  public ControlSummary {
    classifications = List.copyOf(classifications);
    sli = Map.copyOf(sli);
  }
}
