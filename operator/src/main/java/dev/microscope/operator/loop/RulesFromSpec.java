package dev.microscope.operator.loop;

import dev.microscope.operator.api.v1alpha1.ActionSpec;
import dev.microscope.operator.api.v1alpha1.Durations;
import dev.microscope.operator.api.v1alpha1.RuleSpec;
import dev.microscope.operator.control.ActionType;
import dev.microscope.operator.control.SignalScope;
import dev.microscope.operator.control.UserRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The spec's rules as the control loop's user rules. */
public final class RulesFromSpec {
  private RulesFromSpec() {}

  public static List<UserRule> map(List<RuleSpec> rules) {
    return rules == null ? List.of() : rules.stream().map(RulesFromSpec::map).toList();
  }

  static UserRule map(RuleSpec rule) {
    return new UserRule(
        rule.getName(),
        placeholders(rule.getQuery()),
        new UserRule.Condition(UserRule.Op.valueOf(rule.getOperator().name()), rule.getThreshold()),
        Durations.parse(rule.getForDuration()),
        rule.getScope() == RuleSpec.Scope.WORKER ? SignalScope.WORKER : SignalScope.FLEET,
        UserRule.MissingData.valueOf(rule.getOnNoData().name()),
        UserRule.MissingData.valueOf(rule.getOnError().name()),
        actionType(rule.getAction()),
        parameters(rule),
        Durations.parse(rule.getCooldown()),
        rule.getMaxActionsPerHour());
  }

  /**
   * The spec writes {@code {{fleet}}} and {@code {{namespace}}}; the query renderer replaces {@code
   * $fleet} and {@code $namespace} with escaped values.
   */
  static String placeholders(String query) {
    return query.replace("{{fleet}}", "$fleet").replace("{{namespace}}", "$namespace");
  }

  private static ActionType actionType(ActionSpec action) {
    return switch (action.getType()) {
      case SCALE -> ActionType.SCALE;
      case RESTART_WORKER -> ActionType.RESTART_WORKER;
      case QUARANTINE_WORKER -> ActionType.QUARANTINE_WORKER;
      case SET_CHAOS_LEVEL -> ActionType.SET_CHAOS;
      case SET_TRAFFIC_RATE -> ActionType.SET_TRAFFIC_RATE;
      case SET_RESOURCES -> ActionType.SET_RESOURCES;
      case RECORD_ONLY -> ActionType.NOTIFY;
    };
  }

  private static Map<String, String> parameters(RuleSpec rule) {
    var action = rule.getAction();
    var out = new LinkedHashMap<String, String>();
    switch (action.getType()) {
      case SCALE -> out.put("by", Integer.toString(action.getScaleBy()));
      case SET_CHAOS_LEVEL -> out.put("level", Double.toString(action.getLevel()));
      case SET_TRAFFIC_RATE -> out.put("rate", Double.toString(action.getRate()));
      case SET_RESOURCES -> out.putAll(ResourceParameters.of(action.getResources()));
      case RECORD_ONLY -> out.put("message", "rule " + rule.getName() + " matched");
      case RESTART_WORKER, QUARANTINE_WORKER -> {}
    }
    return out;
  }
}
