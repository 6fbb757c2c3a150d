package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ResourcesSpec;

/** The resources of a worker container now. */
final class WorkerResources {
  private WorkerResources() {}

  /** What the control loop last set (kept in status, so it survives restarts), else the spec's. */
  static ResourcesSpec of(ChaosFleet fleet) {
    var status = fleet.getStatus();
    var chosen =
        status == null || status.getWorkers() == null ? null : status.getWorkers().getResources();
    return chosen == null ? fleet.getSpec().getWorkers().getResources() : chosen;
  }
}
