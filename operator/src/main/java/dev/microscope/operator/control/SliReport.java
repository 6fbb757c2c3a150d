package dev.microscope.operator.control;

import static dev.microscope.operator.control.BuiltinSignal.ERROR_BUDGET_REMAINING;
import static dev.microscope.operator.control.BuiltinSignal.LATENCY_P99_SECONDS;
import static dev.microscope.operator.control.BuiltinSignal.LATENCY_SLO_VIOLATION_RATIO;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fleet's service level indicators for the status, derived from one poll's signals. */
final class SliReport {
  private SliReport() {}

  static Map<String, Double> of(Slo slo, Signals signals) {
    Map<String, Double> sli = new LinkedHashMap<>();
    for (BurnWindow w : BurnWindow.values()) {
      put(sli, w.signal().metricName(), signals.burnRate(w));
    }
    Reading burn5m = signals.burnRate(BurnWindow.M5);
    put(sli, "error_ratio_5m", burn5m.map(b -> b * slo.errorBudget()));
    Reading budget = signals.fleet(ERROR_BUDGET_REMAINING);
    put(sli, ERROR_BUDGET_REMAINING.metricName(), budget);
    put(sli, "availability", budget.map(r -> 1 - (1 - r) * slo.errorBudget()));
    put(sli, LATENCY_P99_SECONDS.metricName(), signals.fleet(LATENCY_P99_SECONDS));
    put(sli, LATENCY_SLO_VIOLATION_RATIO.metricName(), signals.fleet(LATENCY_SLO_VIOLATION_RATIO));
    return sli;
  }

  /** The SLO is violated now: errors or slow requests over budget in the last 5m. */
  static boolean violated(Slo slo, Signals signals) {
    return signals.burnRate(BurnWindow.M5).orNaN() > 1
        || signals.fleet(LATENCY_SLO_VIOLATION_RATIO).orNaN() > slo.latencyBudget();
  }

  private static void put(Map<String, Double> sli, String name, Reading reading) {
    double v = reading.orNaN();
    if (!Double.isNaN(v) && !Double.isInfinite(v)) {
      sli.put(name, v);
    }
  }
}
