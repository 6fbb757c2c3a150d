package dev.microscope.operator.loop;

import dev.microscope.operator.control.Slo;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.DoubleStream;

/**
 * The fleet's health score, 0 (sick) to 1, the way the rules score a worker's (docs/contract.md):
 * each SLO contributes 1 - burn rate / 14.4 over 5 minutes (clamped to 0..1), and the weakest one
 * counts. Empty when neither burn rate has data.
 */
public final class FleetScores {
  static final double FAST_BURN = 14.4;

  private FleetScores() {}

  public static OptionalDouble health(Map<String, Double> sli, Slo slo) {
    Double availabilityBurn = sli.get("burn_rate_5m");
    Double slow = sli.get("latency_slo_violation_ratio");
    Double latencyBurn = slow == null ? null : slow / slo.latencyBudget();
    return DoubleStream.of(component(availabilityBurn), component(latencyBurn))
        .filter(v -> !Double.isNaN(v))
        .min();
  }

  private static double component(Double burn) {
    return burn == null ? Double.NaN : Math.max(0, Math.min(1, 1 - burn / FAST_BURN));
  }
}
