package dev.microscope.operator.loop;

import dev.microscope.operator.control.Decision;
import java.util.Locale;

/**
 * A decision and what became of it: applied, only recorded, failed, or held back.
 *
 * @param note what the actuator adds to the decision's reason (e.g. the error of a failure); null
 *     when nothing
 */
public record ActedDecision(Decision decision, Result result, String note) {
  /** The {@code outcome} label of {@code microscope_decisions_total}. */
  public enum Result {
    APPLIED,
    DRY_RUN,
    FAILED,
    BLOCKED;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A decision the control loop did not plan to apply: recorded as it stands. */
  static ActedDecision unplanned(Decision d) {
    return new ActedDecision(
        d,
        switch (d.outcome()) {
          case DRY_RUN -> Result.DRY_RUN;
          case BLOCKED -> Result.BLOCKED;
          case PLANNED -> throw new IllegalArgumentException("a planned decision must be applied");
        },
        null);
  }

  static ActedDecision applied(Decision d, String note) {
    return new ActedDecision(d, Result.APPLIED, note);
  }

  static ActedDecision failed(Decision d, String error) {
    return new ActedDecision(d, Result.FAILED, error);
  }

  /** The decision's reason, and the actuator's note after it. */
  public String reason() {
    return note == null ? decision.reason() : decision.reason() + "; " + note;
  }

  /** A one-line account for logs and Events. */
  public String explain() {
    var d = decision;
    return d.action().wireName()
        + " "
        + d.target()
        + (d.parameters().isEmpty() ? "" : " " + d.parameters())
        + " ["
        + d.rule()
        + (d.threshold() == null ? "" : " " + d.threshold())
        + "] "
        + d.values()
        + " -> "
        + result.wireName()
        + ": "
        + reason();
  }
}
