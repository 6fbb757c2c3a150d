package dev.microscope.operator.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Replays a sequence of polls through {@link ControlLoop}, carrying the memory from one cycle to
 * the next as the status would, with a clock the test moves.
 */
final class Loop {
  static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

  FleetPolicy policy;
  ObservedFleet observed;
  ControlMemory memory = ControlMemory.empty();
  Instant now = T0;

  Loop(FleetPolicy policy, ObservedFleet observed) {
    this.policy = policy;
    this.observed = observed;
  }

  ControlResult poll(TestSignals signals) {
    return poll(signals.at(now));
  }

  ControlResult poll(Signals signals) {
    ControlResult result = ControlLoop.decide(policy, signals, observed, memory, now);
    memory = result.memory();
    return result;
  }

  Loop after(Duration d) {
    now = now.plus(d);
    return this;
  }

  static List<Decision> of(ControlResult r, ActionType type) {
    return r.decisions().stream().filter(d -> d.action() == type).toList();
  }
}
