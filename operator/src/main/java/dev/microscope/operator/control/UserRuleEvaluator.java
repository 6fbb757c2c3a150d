package dev.microscope.operator.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates user rules: condition, {@code for} duration (pending state kept in the memory), and
 * what no data or a failed query means for each rule.
 */
final class UserRuleEvaluator {
  record Result(List<ProposedAction> proposals, Map<String, Instant> pendingSince) {}

  private UserRuleEvaluator() {}

  static Result evaluate(
      List<UserRule> rules,
      Signals signals,
      ObservedFleet observed,
      Map<String, Instant> pending,
      Instant now) {
    List<ProposedAction> proposals = new ArrayList<>();
    Map<String, Instant> nextPending = new HashMap<>();
    for (UserRule rule : rules) {
      VectorReading answer = signals.rule(rule.name());
      for (String target : targets(rule, observed)) {
        String key = rule.name() + "/" + target;
        Reading reading = answer.get(target);
        Boolean breach = breach(rule, reading);
        Instant since = pending.get(key);
        if (breach == null) {
          if (since != null) {
            nextPending.put(key, since);
          }
          continue;
        }
        if (!breach) {
          continue;
        }
        since = since == null ? now : since;
        nextPending.put(key, since);
        Duration held = Duration.between(since, now);
        if (held.compareTo(rule.forDuration()) >= 0) {
          proposals.add(propose(rule, target, reading, held, observed));
        }
      }
    }
    return new Result(proposals, nextPending);
  }

  private static List<String> targets(UserRule rule, ObservedFleet observed) {
    if (rule.scope() == SignalScope.FLEET) {
      return List.of(Signals.FLEET_KEY);
    }
    return observed.workers().stream()
        .filter(w -> !w.quarantined())
        .map(ObservedWorker::id)
        .toList();
  }

  /** True/false for a breach or not; null to hold the rule's state. */
  private static Boolean breach(UserRule rule, Reading reading) {
    return switch (reading) {
      case Reading.Value(double v) -> rule.condition().test(v);
      case Reading.NoData ignored -> missing(rule, rule.onNoData());
      case Reading.Failed ignored -> missing(rule, rule.onError());
    };
  }

  private static Boolean missing(UserRule rule, UserRule.MissingData treatment) {
    return switch (treatment) {
      case HOLD -> null;
      case TREAT_AS_ZERO -> rule.condition().test(0);
      case TREAT_AS_BREACH -> true;
    };
  }

  private static ProposedAction propose(
      UserRule rule, String target, Reading reading, Duration held, ObservedFleet observed) {
    String actionTarget = Signals.FLEET_KEY.equals(target) ? Action.FLEET : target;
    Map<String, String> parameters = new HashMap<>(rule.parameters());
    if (rule.action() == ActionType.SCALE && parameters.containsKey("by")) {
      int by = Integer.parseInt(parameters.remove("by").trim());
      parameters.put("replicas", Integer.toString(observed.replicas() + by));
    }
    Action action = new Action(rule.action(), actionTarget, parameters);
    String reason =
        "rule "
            + rule.name()
            + ": "
            + reading.describe()
            + " "
            + rule.condition()
            + (reading.isValue() ? "" : " (treated as " + treatmentOf(rule, reading) + ")")
            + " for "
            + held.toSeconds()
            + "s (for "
            + rule.forDuration().toSeconds()
            + "s)";
    return new ProposedAction(
        action,
        rule.name(),
        Evidence.of().add(rule.name(), reading).toMap(),
        rule.condition().toString(),
        reason);
  }

  private static String treatmentOf(UserRule rule, Reading reading) {
    UserRule.MissingData t = reading instanceof Reading.Failed ? rule.onError() : rule.onNoData();
    return t == UserRule.MissingData.TREAT_AS_ZERO ? "0" : "a breach";
  }
}
