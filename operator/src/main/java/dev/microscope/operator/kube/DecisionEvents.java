package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.control.ActionType;
import dev.microscope.operator.loop.ActedDecision;
import dev.microscope.operator.loop.CycleReport;
import java.util.List;
import java.util.Locale;

/**
 * One Kubernetes Event per new decision-log entry: {@code kubectl describe cf} tells what the
 * control loop did and why. A decision held back (or failing) again, cycle after cycle, made no new
 * entry and makes no new Event. An applied notify is its own Warning (see {@link KubeActuator}).
 */
final class DecisionEvents {
  /** Longest Event message; the decision log in the status holds the rest. */
  static final int MAX_MESSAGE = 1024;

  private final FleetEvents events;

  DecisionEvents(FleetEvents events) {
    this.events = events;
  }

  void record(ChaosFleet fleet, CycleReport report, List<ActedDecision> fresh) {
    for (ActedDecision a : fresh) {
      boolean applied = a.result() == ActedDecision.Result.APPLIED;
      if (applied && a.decision().action() == ActionType.NOTIFY) {
        continue;
      }
      var reason = camel(a.decision().action().name()) + (applied ? "" : camel(a.result().name()));
      var message = "[" + report.trigger() + "] " + a.explain();
      if (message.length() > MAX_MESSAGE) {
        message = message.substring(0, MAX_MESSAGE - 3) + "...";
      }
      if (a.result() == ActedDecision.Result.FAILED) {
        events.warning(fleet, reason, message);
      } else {
        events.normal(fleet, reason, message);
      }
    }
  }

  /** {@code RESTART_WORKER} -> {@code RestartWorker}. */
  static String camel(String constant) {
    var out = new StringBuilder();
    for (String part : constant.toLowerCase(Locale.ROOT).split("_")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }
}
