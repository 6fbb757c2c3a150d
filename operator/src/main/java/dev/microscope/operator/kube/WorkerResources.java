package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ComputeResources;
import dev.microscope.operator.api.v1alpha1.ResourcesSpec;
import dev.microscope.operator.constraints.CpuQuantity;
import dev.microscope.operator.constraints.FleetSizing;
import dev.microscope.operator.constraints.JvmSizing;
import dev.microscope.operator.loop.MemoryQuantity;
import java.util.Optional;

/** The resources and JVM options of the worker and traffic generator containers now. */
final class WorkerResources {
  private WorkerResources() {}

  /**
   * In constraints mode what the budget allows; else what the control loop last set (kept in
   * status, so it survives restarts), else the spec's.
   */
  static ResourcesSpec of(ChaosFleet fleet) {
    var sizing = FleetSizing.of(fleet.getSpec());
    if (sizing.isPresent()) {
      return sized(sizing.get().worker(), sizing.get().workerCpuMillis());
    }
    var status = fleet.getStatus();
    var chosen =
        status == null || status.getWorkers() == null ? null : status.getWorkers().getResources();
    return chosen == null ? fleet.getSpec().getWorkers().getResources() : chosen;
  }

  /** The traffic generator's: sized in constraints mode, else the same for every fleet. */
  static ResourcesSpec loadgen(ChaosFleet fleet) {
    return FleetSizing.of(fleet.getSpec())
        .map(s -> sized(s.loadgen(), s.loadgenCpuMillis()))
        .orElse(Resources.LOADGEN);
  }

  /**
   * The worker's JVM options: the sized flags in constraints mode, then the spec's own (later flags
   * win, so spec.workers.jvmOptions can still override a sized one).
   */
  static Optional<String> workerJvmOptions(ChaosFleet fleet) {
    var own = fleet.getSpec().getWorkers().getJvmOptions();
    var sized = FleetSizing.of(fleet.getSpec()).map(s -> s.worker().javaToolOptions());
    if (own == null || own.isBlank()) {
      return sized;
    }
    return Optional.of(sized.map(flags -> flags + " " + own).orElse(own));
  }

  /** The traffic generator's JVM options: only in constraints mode. */
  static Optional<String> loadgenJvmOptions(ChaosFleet fleet) {
    return FleetSizing.of(fleet.getSpec()).map(s -> s.loadgen().javaToolOptions());
  }

  /** Requests equal to limits: a constrained fleet is never overcommitted. */
  private static ResourcesSpec sized(JvmSizing jvm, long cpuMillis) {
    var cpu = cpuMillis > 0 ? CpuQuantity.of(cpuMillis) : null;
    var memory = MemoryQuantity.of(jvm.limitBytes());
    var spec = new ResourcesSpec();
    spec.setRequests(new ComputeResources(cpu, memory));
    spec.setLimits(new ComputeResources(cpu, memory));
    return spec;
  }
}
