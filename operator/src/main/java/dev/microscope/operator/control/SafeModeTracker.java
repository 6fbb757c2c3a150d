package dev.microscope.operator.control;

import java.time.Instant;
import java.util.List;

/**
 * Counts consecutive failed polls. At the failure threshold the fleet enters safe mode (replicas
 * held, chaos to zero unless told otherwise); the first good poll ends it.
 */
final class SafeModeTracker {
  record Result(ControlMemory.PrometheusHealth health, List<ProposedAction> notices) {}

  private SafeModeTracker() {}

  static Result update(
      ControlMemory.PrometheusHealth health,
      Signals signals,
      PrometheusPolicy policy,
      Instant now) {
    String rule = BuiltinRule.SAFE_MODE.ruleName();
    if (signals.pollFailed()) {
      int failures = health.consecutiveFailures() + 1;
      String error = signals.pollFailureReason().orElse("unknown");
      if (!health.safeMode() && failures >= policy.failureThreshold()) {
        return new Result(
            new ControlMemory.PrometheusHealth(failures, true, now, error),
            List.of(
                new ProposedAction(
                    Action.notify("safe mode on: Prometheus unreadable for " + failures + " polls"),
                    rule,
                    Evidence.of().add("consecutive_failed_polls", failures).toMap(),
                    ">= " + policy.failureThreshold(),
                    "Prometheus unreadable (" + error + "): holding replicas and actions")));
      }
      return new Result(
          new ControlMemory.PrometheusHealth(failures, health.safeMode(), health.since(), error),
          List.of());
    }
    if (health.safeMode()) {
      return new Result(
          new ControlMemory.PrometheusHealth(0, false, now, null),
          List.of(
              new ProposedAction(
                  Action.notify("safe mode off: Prometheus answers again"),
                  rule,
                  Evidence.of()
                      .add("consecutive_failed_polls", health.consecutiveFailures())
                      .toMap(),
                  null,
                  "Prometheus answered after " + health.consecutiveFailures() + " failed polls")));
    }
    return new Result(
        new ControlMemory.PrometheusHealth(0, false, health.since(), null), List.of());
  }
}
