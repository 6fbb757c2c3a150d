package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.constraints.FleetSizing;

/** How many worker pods a fleet runs now. */
public final class Scale {
  private Scale() {}

  /**
   * The count the control loop last chose (kept in status so it survives restarts), else the spec's
   * initial count, always inside the spec's bounds (and in constraints mode under the most pods
   * that fit): narrowing min/max moves the fleet at once.
   */
  public static int replicas(ChaosFleet fleet) {
    var bounds = fleet.getSpec().getWorkers().getReplicas();
    var status = fleet.getStatus();
    Integer chosen =
        status == null || status.getWorkers() == null ? null : status.getWorkers().getReplicas();
    int wanted = chosen == null ? bounds.getInitial() : chosen;
    int max =
        FleetSizing.of(fleet.getSpec()).map(s -> s.clamp(bounds.getMax())).orElse(bounds.getMax());
    return Math.max(bounds.getMin(), Math.min(max, wanted));
  }
}
