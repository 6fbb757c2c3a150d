package dev.microscope.operator.control;

import java.util.List;

/**
 * The outcome of one control cycle: decisions for the log and the actuator, the memory to write
 * back into the status, the summary for the status and metrics, and the chaos the workers should
 * carry.
 */
public record ControlResult(
    List<Decision> decisions, ControlMemory memory, ControlSummary summary, ChaosPlan chaos) {
  public ControlResult {
    decisions = List.copyOf(decisions);
  }

  /** Decisions the actuator must apply now. */
  public List<Decision> planned() {
    return decisions.stream().filter(d -> d.outcome() == Decision.Outcome.PLANNED).toList();
  }
}
