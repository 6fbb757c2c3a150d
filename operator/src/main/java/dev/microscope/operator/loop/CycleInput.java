package dev.microscope.operator.loop;

import dev.microscope.operator.api.v1alpha1.ChaosFleetSpec;
import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.control.Trigger;
import java.util.Objects;

/**
 * What a cycle starts from: the fleet, its (valid) spec and its status as last written, whether it
 * is paused, and what started the cycle.
 *
 * @param status null for a fleet that has none yet
 */
public record CycleInput(
    FleetRef fleet, ChaosFleetSpec spec, ChaosFleetStatus status, boolean paused, Trigger trigger) {
  public CycleInput {
    Objects.requireNonNull(fleet, "fleet");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(trigger, "trigger");
  }
}
