package dev.microscope.operator.control;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of the decision log: what was decided, why, and what became of it. Every decision is
 * explainable from its own fields: the values met the threshold of the rule, so the action was
 * proposed; the outcome and reason say whether it is applied, only recorded, or held back.
 *
 * @param trigger what started the cycle: {@code poll} or {@code alert:<name>}
 * @param values signal values by signal name, as text (see {@link Evidence})
 * @param dryRun true when the decision is recorded and not applied
 */
public record Decision(
    Instant at,
    String trigger,
    String rule,
    Map<String, String> values,
    String threshold,
    ActionType action,
    String target,
    Map<String, String> parameters,
    boolean dryRun,
    Outcome outcome,
    String reason) {
  public Decision {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** What became of a proposed action. */
  public enum Outcome {
    /** To be applied by the actuator. */
    PLANNED,
    /** Recorded only (DryRun mode). */
    DRY_RUN,
    /** Held back by a safety rule; {@code reason} says which. */
    BLOCKED
  }

  /** The action as decided (possibly adjusted by the governor, e.g. a clamped scale). */
  public Action toAction() {
    return new Action(action, target, parameters);
  }

  /** A one-line account for logs and Events. */
  public String explain() {
    return action.wireName()
        + " "
        + target
        + (parameters.isEmpty() ? "" : " " + parameters)
        + " ["
        + rule
        + (threshold == null ? "" : " " + threshold)
        + "] "
        + values
        + " -> "
        + outcome.name().toLowerCase(java.util.Locale.ROOT)
        + ": "
        + reason;
  }
}
