package dev.microscope.operator.loop;

import dev.microscope.operator.control.ControlResult;
import dev.microscope.operator.control.FleetPolicy;
import dev.microscope.operator.control.Signals;
import dev.microscope.operator.control.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything one cycle saw, decided and did: for the status, the metrics and the Events.
 *
 * @param decisions every decision of the cycle with what became of it, in order
 * @param state the desired state after the cycle, to be written into the status
 */
public record CycleReport(
    FleetRef fleet,
    Trigger trigger,
    Instant at,
    Duration took,
    FleetPolicy policy,
    Signals signals,
    ControlResult result,
    List<ActedDecision> decisions,
    FleetState state) {
  public CycleReport {
    decisions = List.copyOf(decisions);
  }

  /** The {@code trigger} label of the cycle duration metric: poll, change or alert. */
  public String triggerKind() {
    var value = trigger.value();
    int colon = value.indexOf(':');
    return colon < 0 ? value : value.substring(0, colon);
  }
}
