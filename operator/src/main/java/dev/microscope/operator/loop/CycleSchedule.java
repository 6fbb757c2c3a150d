package dev.microscope.operator.loop;

import dev.microscope.operator.api.v1alpha1.ControlStatus;
import dev.microscope.operator.control.Trigger;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * When a fleet's next cycle is due, from what the status says of the last one. A cycle runs at once
 * for an alert, for a changed spec or pause annotation, and when the poll interval has passed; any
 * other wake-up (a status write, a pod event) runs none, so writing the status never causes extra
 * cycles.
 */
public final class CycleSchedule {
  /** Whether to run a cycle now (and with which trigger), and when to look again. */
  public record Verdict(Optional<Trigger> run, Duration next) {}

  private CycleSchedule() {}

  public static Verdict check(
      ControlStatus last,
      long generation,
      boolean paused,
      Duration pollInterval,
      Collection<String> alerts,
      Instant now) {
    if (!alerts.isEmpty()) {
      return new Verdict(Optional.of(CycleTriggers.alerts(alerts)), pollInterval);
    }
    if (last == null || last.getLastCycleTime() == null) {
      return new Verdict(Optional.of(Trigger.POLL), pollInterval);
    }
    if (!Objects.equals(last.getObservedGeneration(), generation)
        || !Objects.equals(last.getPaused(), paused)) {
      return new Verdict(Optional.of(CycleTriggers.CHANGE), pollInterval);
    }
    Duration since = since(last.getLastCycleTime(), now);
    // a last cycle in the future (a clock that went back) counts as due: better early than never
    if (since == null || since.isNegative() || since.compareTo(pollInterval) >= 0) {
      return new Verdict(Optional.of(Trigger.POLL), pollInterval);
    }
    return new Verdict(Optional.empty(), pollInterval.minus(since));
  }

  /** Time since {@code time}; null when it is not a time (a hand-edited status). */
  private static Duration since(String time, Instant now) {
    try {
      return Duration.between(Instant.parse(time), now);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
