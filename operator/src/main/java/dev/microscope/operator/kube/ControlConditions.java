package dev.microscope.operator.kube;

import static dev.microscope.operator.kube.Conditions.FALSE;
import static dev.microscope.operator.kube.Conditions.TRUE;

import dev.microscope.operator.api.v1alpha1.FleetCondition;
import dev.microscope.operator.control.Classification;
import dev.microscope.operator.control.WorkerState;
import dev.microscope.operator.loop.CycleReport;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The conditions a control cycle decides: PrometheusReachable, SafeMode, BudgetExhausted and the
 * control loop's view of Degraded. After a failed poll only the first two are news; the others keep
 * what the last good poll said.
 */
final class ControlConditions {
  /** Degraded reasons that come from the control loop (not from the worker Deployment). */
  static final List<String> DEGRADED_REASONS = List.of("SloViolated", "WorkersUnwell");

  /** Workers named in a message at most; a thousand-worker fleet still gets a short one. */
  static final int MAX_LISTED = 5;

  private static final EnumSet<WorkerState> UNWELL =
      EnumSet.of(
          WorkerState.ABOUT_TO_OOM, WorkerState.FLAPPING, WorkerState.LYING, WorkerState.FAILING);

  private ControlConditions() {}

  static List<FleetCondition> of(CycleReport report) {
    var summary = report.result().summary();
    var signals = report.signals();
    var out = new ArrayList<FleetCondition>();
    if (signals.pollFailed()) {
      out.add(
          new FleetCondition(
              Conditions.PROMETHEUS_REACHABLE,
              FALSE,
              "QueryFailed",
              signals.pollFailureReason().orElse("unknown")
                  + " ("
                  + summary.consecutivePrometheusFailures()
                  + " failed polls in a row; safe mode after "
                  + report.policy().prometheus().failureThreshold()
                  + ")."));
    } else {
      out.add(
          new FleetCondition(
              Conditions.PROMETHEUS_REACHABLE, TRUE, "Answering", "Prometheus answers queries."));
    }
    out.add(
        summary.safeMode()
            ? new FleetCondition(
                Conditions.SAFE_MODE,
                TRUE,
                "PrometheusUnreadable",
                "Prometheus cannot be read: replicas held, actions stopped, chaos "
                    + (summary.chaosLevel() > 0 ? "held." : "at zero."))
            : new FleetCondition(
                Conditions.SAFE_MODE, FALSE, "PrometheusReadable", "The control loop acts."));
    if (signals.pollFailed()) {
      return out;
    }
    var remaining = summary.sli().get("error_budget_remaining");
    out.add(
        summary.errorBudgetExhausted()
            ? new FleetCondition(
                Conditions.BUDGET_EXHAUSTED,
                TRUE,
                "BudgetSpent",
                "The error budget of the SLO window is spent (remaining "
                    + format(remaining)
                    + ").")
            : new FleetCondition(
                Conditions.BUDGET_EXHAUSTED,
                FALSE,
                remaining == null ? "NoData" : "BudgetLeft",
                remaining == null
                    ? "No error budget could be computed yet (no traffic in the window)."
                    : "Error budget remaining: " + format(remaining) + "."));
    out.add(degraded(report));
    return out;
  }

  private static FleetCondition degraded(CycleReport report) {
    var summary = report.result().summary();
    var unwell =
        summary.classifications().stream().filter(c -> UNWELL.contains(c.state())).toList();
    if (!unwell.isEmpty()) {
      return new FleetCondition(
          Conditions.DEGRADED,
          TRUE,
          "WorkersUnwell",
          unwell.stream()
                  .limit(MAX_LISTED)
                  .map(ControlConditions::describe)
                  .collect(Collectors.joining("; "))
              + (unwell.size() > MAX_LISTED
                  ? "; and " + (unwell.size() - MAX_LISTED) + " more"
                  : "")
              + ".");
    }
    if (summary.degraded()) {
      var sli = summary.sli();
      return new FleetCondition(
          Conditions.DEGRADED,
          TRUE,
          "SloViolated",
          "The SLO is violated over the last 5 minutes (burn rate "
              + format(sli.get("burn_rate_5m"))
              + ", slow requests "
              + format(sli.get("latency_slo_violation_ratio"))
              + ").");
    }
    return new FleetCondition(
        Conditions.DEGRADED, FALSE, "AsExpected", "SLO met and no worker unwell.");
  }

  private static String describe(Classification c) {
    return c.worker()
        + " "
        + c.state().name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + ": "
        + c.reason();
  }

  private static String format(Double v) {
    return v == null ? "no data" : String.format(Locale.ROOT, "%.4g", v);
  }
}
