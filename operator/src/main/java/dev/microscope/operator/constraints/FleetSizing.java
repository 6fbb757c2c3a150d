package dev.microscope.operator.constraints;

import dev.microscope.operator.api.v1alpha1.ChaosFleetSpec;
import dev.microscope.operator.loop.MemoryQuantity;
import java.util.Optional;

/** The sizing of a fleet in constraints mode; empty when its spec sets no constraints. */
public final class FleetSizing {
  private FleetSizing() {}

  /**
   * @throws IllegalArgumentException naming the field when the constraints are malformed or the
   *     fleet cannot fit them ({@link DoesNotFit})
   */
  public static Optional<Sizing> of(ChaosFleetSpec spec) {
    var constraints = spec.getConstraints();
    if (constraints == null) {
      return Optional.empty();
    }
    long memory =
        MemoryQuantity.bytes(constraints.getMemoryBudget(), "spec.constraints.memoryBudget");
    long cpu =
        constraints.getCpu() == null
            ? 0
            : CpuQuantity.millis(constraints.getCpu(), "spec.constraints.cpu");
    var workers = spec.getWorkers();
    var replicas = workers.getReplicas();
    return Optional.of(
        ConstraintSizer.size(
            new Budget(
                memory, cpu, workers.getWorkersPerPod(), replicas.getMin(), replicas.getMax())));
  }
}
