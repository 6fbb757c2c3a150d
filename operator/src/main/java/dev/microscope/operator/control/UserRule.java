package dev.microscope.operator.control;

import java.time.Duration;
import java.util.Map;

/**
 * A rule written by the user: a PromQL query, a condition, and the action to propose while the
 * condition has held for {@code forDuration}.
 *
 * @param query PromQL; {@code $fleet} and {@code $namespace} inside a quoted label value are
 *     replaced by the fleet's (escaped) name and namespace
 * @param scope {@link SignalScope#WORKER}: the query returns a vector by {@code worker} and the
 *     action targets each worker that breaches; {@link SignalScope#FLEET}: one value
 * @param onNoData what a missing value means
 * @param onError what a failed query means
 * @param cooldown the least time between two actions of this rule on one target
 * @param maxPerHour the most actions of this rule per hour; 0 = no limit
 */
public record UserRule(
    String name,
    String query,
    Condition condition,
    Duration forDuration,
    SignalScope scope,
    MissingData onNoData,
    MissingData onError,
    ActionType action,
    Map<String, String> parameters,
    Duration cooldown,
    int maxPerHour) {
  public UserRule {
    Checks.notBlank(name, "rules[].name");
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}")) {
      throw new IllegalArgumentException(
          "rules[].name must be 1-63 letters, digits, '-', '_' or '.', got '" + name + "'");
    }
    String field = "rules[" + name + "].";
    Checks.notBlank(query, field + "query");
    Checks.required(condition, field + "condition");
    Checks.notNegative(forDuration, field + "for");
    Checks.required(scope, field + "scope");
    Checks.required(onNoData, field + "onNoData");
    Checks.required(onError, field + "onError");
    Checks.required(action, field + "action");
    parameters = Map.copyOf(parameters);
    Checks.notNegative(cooldown, field + "cooldown");
    Checks.atLeast(maxPerHour, 0, field + "maxPerHour");
    if (action == ActionType.SCALE
        && !parameters.containsKey("replicas")
        && !parameters.containsKey("by")) {
      throw new IllegalArgumentException(
          field + "parameters needs 'replicas' or 'by' for action scale");
    }
    if (action == ActionType.SET_CHAOS) {
      Checks.between(
          parseNumber(parameters.get("level"), field + "parameters.level"),
          0,
          1,
          field + "parameters.level");
      if (parameters.containsKey("fault")) {
        Fault.parse(parameters.get("fault"));
      }
    }
    if (action == ActionType.SET_TRAFFIC_RATE) {
      Checks.between(
          parseNumber(parameters.get("rate"), field + "parameters.rate"),
          0,
          1e6,
          field + "parameters.rate");
    }
    if ((action == ActionType.RESTART_WORKER || action == ActionType.QUARANTINE_WORKER)
        && scope != SignalScope.WORKER) {
      throw new IllegalArgumentException(
          field + "action " + action.wireName() + " needs scope perWorker");
    }
  }

  private static double parseNumber(String text, String field) {
    if (text == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " must be a number, got '" + text + "'", e);
    }
  }

  /** A comparison of the query's value with a threshold. */
  public record Condition(Op op, double threshold) {
    public Condition {
      Checks.required(op, "rules[].condition.op");
      if (Double.isNaN(threshold)) {
        throw new IllegalArgumentException("rules[].condition.threshold must be a number");
      }
    }

    public boolean test(double value) {
      return op.test(value, threshold);
    }

    @Override
    public String toString() {
      return op.symbol() + " " + Numbers.format(threshold);
    }
  }

  /** Comparison operators as PromQL writes them. */
  public enum Op {
    GT(">"),
    GE(">="),
    LT("<"),
    LE("<="),
    EQ("=="),
    NE("!=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    public static Op parse(String text) {
      for (Op op : values()) {
        if (op.symbol.equals(text) || op.name().equalsIgnoreCase(text)) {
          return op;
        }
      }
      throw new IllegalArgumentException("unknown comparison '" + text + "'");
    }

    boolean test(double value, double threshold) {
      return switch (this) {
        case GT -> value > threshold;
        case GE -> value >= threshold;
        case LT -> value < threshold;
        case LE -> value <= threshold;
        case EQ -> value == threshold;
        case NE -> value != threshold;
      };
    }
  }

  /** What a rule does with no data or a failed query. */
  public enum MissingData {
    /** Keep the rule's state as it is: no action, a pending condition stays pending. */
    HOLD,
    /** Evaluate the condition as if the value were 0. */
    TREAT_AS_ZERO,
    /** Count it as a breach. */
    TREAT_AS_BREACH
  }
}
