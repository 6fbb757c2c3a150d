package dev.microscope.operator.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An action a policy asks for, with the numbers that made it ask: what the governor reviews.
 *
 * @param rule the built-in policy or user rule that proposed it
 * @param values the signal values that triggered it, by signal name
 * @param threshold the condition those values met, e.g. {@code < 600}
 * @param reason one sentence a person can check against the values
 */
public record ProposedAction(
    Action action, String rule, Map<String, String> values, String threshold, String reason) {
  public ProposedAction {
    Checks.required(action, "action");
    Checks.notBlank(rule, "rule");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  ProposedAction withAction(Action replacement, String newReason) {
    return new ProposedAction(replacement, rule, values, threshold, newReason);
  }
}
