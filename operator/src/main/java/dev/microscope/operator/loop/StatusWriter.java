package dev.microscope.operator.loop;

import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.api.v1alpha1.ControlStatus;
import dev.microscope.operator.api.v1alpha1.ScoresStatus;
import dev.microscope.operator.api.v1alpha1.SliStatus;
import dev.microscope.operator.api.v1alpha1.WorkersStatus;
import java.util.List;
import java.util.Map;

/**
 * Writes what a cycle produced into the fleet's status: its bookkeeping and memory, the decision
 * log, the indicators and scores, and the desired state the platform converges on. Conditions are
 * the platform's business (Kubernetes has them; they are derived from {@link
 * CycleReport#result()}'s summary).
 */
public final class StatusWriter {
  private StatusWriter() {}

  /**
   * @param generation the spec generation the cycle acted on
   * @return the decisions that made new log entries (repeats only updated theirs)
   */
  public static List<ActedDecision> write(
      CycleReport report, ChaosFleetStatus status, long generation, boolean paused) {
    status.setControl(control(report, generation, paused));
    var appended = DecisionLog.append(status.getDecisions(), report.decisions());
    status.setDecisions(appended.log());
    var summary = report.result().summary();
    if (!report.signals().pollFailed()) {
      // while Prometheus is unreadable the last indicators read stay, with their time
      status.setSli(sli(summary.sli(), report));
    }
    status.setScores(scores(status.getScores(), report));
    var state = report.state();
    status.setChaosLevel(state.chaosLevel());
    status.setQuarantinedWorkers(state.quarantined());
    status.setTrafficRate(state.trafficRate());
    var workers = status.getWorkers() == null ? new WorkersStatus() : status.getWorkers();
    workers.setReplicas(state.replicas());
    workers.setResources(state.resources());
    status.setWorkers(workers);
    return appended.fresh();
  }

  private static ControlStatus control(CycleReport report, long generation, boolean paused) {
    var control = new ControlStatus();
    control.setLastCycleTime(report.at().toString());
    control.setLastTrigger(report.trigger().value());
    control.setLastCycleSeconds(Math.round(report.took().toMillis()) / 1000.0);
    control.setObservedGeneration(generation);
    control.setPaused(paused);
    control.setMemory(StatusMemory.write(report.result().memory()));
    return control;
  }

  private static SliStatus sli(Map<String, Double> values, CycleReport report) {
    var sli = new SliStatus();
    sli.setAvailability(values.get("availability"));
    sli.setErrorBudgetRemaining(values.get("error_budget_remaining"));
    sli.setBurnRate5m(values.get("burn_rate_5m"));
    sli.setBurnRate1h(values.get("burn_rate_1h"));
    sli.setBurnRate6h(values.get("burn_rate_6h"));
    sli.setLatencyP99Seconds(values.get("latency_p99_seconds"));
    sli.setLatencySloViolationRatio(values.get("latency_slo_violation_ratio"));
    sli.setObservedAt(report.at().toString());
    return sli;
  }

  private static ScoresStatus scores(ScoresStatus previous, CycleReport report) {
    var scores = previous == null ? new ScoresStatus() : previous;
    var summary = report.result().summary();
    scores.setChaosTolerance(summary.toleranceScore());
    if (!report.signals().pollFailed()) {
      var health = FleetScores.health(summary.sli(), report.policy().slo());
      scores.setHealth(health.isPresent() ? health.getAsDouble() : null);
    }
    return scores;
  }
}
