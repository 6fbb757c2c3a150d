package dev.microscope.operator.loop;

import dev.microscope.operator.control.FleetPolicy;
import dev.microscope.operator.control.Signals;
import java.time.Instant;

/** Where a cycle reads its signals: Prometheus in production. */
@FunctionalInterface
public interface SignalSource {
  /** One poll's signals; a Prometheus that cannot be read is a failed poll, never an exception. */
  Signals read(
      FleetRef fleet, FleetPolicy policy, FleetSnapshot.PrometheusTarget target, Instant at);

  /** Lets go of what is kept for a deleted fleet (clients, connections). */
  default void forget(FleetRef fleet) {}
}
