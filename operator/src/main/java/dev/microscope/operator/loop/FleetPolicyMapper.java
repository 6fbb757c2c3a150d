package dev.microscope.operator.loop;

import dev.microscope.operator.api.v1alpha1.ChaosFleetSpec;
import dev.microscope.operator.api.v1alpha1.Durations;
import dev.microscope.operator.api.v1alpha1.PrometheusSpec;
import dev.microscope.operator.api.v1alpha1.QuotaSpec;
import dev.microscope.operator.api.v1alpha1.ReplicasSpec;
import dev.microscope.operator.control.ChaosPolicy;
import dev.microscope.operator.control.ClassifierThresholds;
import dev.microscope.operator.control.FleetPolicy;
import dev.microscope.operator.control.Mode;
import dev.microscope.operator.control.PrometheusPolicy;
import dev.microscope.operator.control.SafetyPolicy;
import dev.microscope.operator.control.ScalingPolicy;
import dev.microscope.operator.control.Slo;
import dev.microscope.operator.control.WorkerBounds;

/**
 * A ChaosFleet spec in the control loop's terms. What the spec does not say (scaling targets,
 * classifier thresholds, action budgets) takes the control loop's defaults.
 */
public final class FleetPolicyMapper {
  /** What the traffic generator asks for in memory limits; kept out of the workers' quota. */
  static final long LOADGEN_MEMORY_LIMIT_BYTES = 256L << 20;

  private FleetPolicyMapper() {}

  /**
   * @throws IllegalArgumentException naming the field when the spec holds a value the control loop
   *     cannot take
   */
  public static FleetPolicy map(ChaosFleetSpec spec, boolean paused) {
    return new FleetPolicy(
        slo(spec),
        chaos(spec),
        bounds(spec.getWorkers().getReplicas()),
        ScalingPolicy.defaults(),
        safety(spec),
        prometheus(spec.getPrometheus()),
        ClassifierThresholds.defaults(),
        RulesFromSpec.map(spec.getRules()),
        mode(spec.getMode()),
        paused);
  }

  static Slo slo(ChaosFleetSpec spec) {
    var slo = spec.getSlo();
    return new Slo(
        slo.getAvailability(),
        Durations.parse(slo.getLatencyThreshold()).toMillis() / 1000.0,
        slo.getLatencyObjective(),
        Durations.parse(slo.getWindow()));
  }

  static ChaosPolicy chaos(ChaosFleetSpec spec) {
    var chaos = spec.getChaos();
    var adaptive = chaos.getAdaptive();
    var radius = chaos.getBlastRadius();
    return new ChaosPolicy(
        FaultsFromSpec.map(chaos),
        chaos.getMaxLevel(),
        new ChaosPolicy.Adaptive(
            adaptive.isEnabled(),
            adaptive.getIncreaseStep(),
            adaptive.getDecreaseFactor(),
            Durations.parse(adaptive.getStepInterval()),
            Durations.parse(adaptive.getStabilization()),
            spec.getSlo().getMinBudgetToEscalate()),
        new ChaosPolicy.BlastRadius(radius.getMaxShare(), Durations.parse(radius.getWindow())),
        chaos.getLeaseSeconds());
  }

  static WorkerBounds bounds(ReplicasSpec replicas) {
    return new WorkerBounds(replicas.getMin(), replicas.getMax());
  }

  static SafetyPolicy safety(ChaosFleetSpec spec) {
    return SafetyPolicy.defaults().withMemoryQuotaBytes(memoryQuotaPerPod(spec));
  }

  /**
   * The highest memory limit one worker pod may get: the quota's memory, less the traffic
   * generator's, shared by the most worker pods the fleet may run; 0 without a quota.
   */
  static long memoryQuotaPerPod(ChaosFleetSpec spec) {
    QuotaSpec quota = spec.getQuota();
    if (quota == null || quota.getMemory() == null) {
      return 0;
    }
    long total = MemoryQuantity.bytes(quota.getMemory(), "spec.quota.memory");
    long perPod = (total - LOADGEN_MEMORY_LIMIT_BYTES) / spec.getWorkers().getReplicas().getMax();
    return Math.max(1, perPod);
  }

  static PrometheusPolicy prometheus(PrometheusSpec prometheus) {
    return new PrometheusPolicy(
        prometheus.getFailureThreshold(),
        prometheus.getWhileBlind() == PrometheusSpec.WhileBlind.HOLD_ALL
            ? PrometheusPolicy.WhileBlind.HOLD_CHAOS
            : PrometheusPolicy.WhileBlind.ZERO_CHAOS);
  }

  static Mode mode(dev.microscope.operator.api.v1alpha1.Mode mode) {
    return switch (mode) {
      case ENFORCE -> Mode.ENFORCE;
      case DRY_RUN -> Mode.DRY_RUN;
      case OBSERVE -> Mode.OBSERVE;
    };
  }
}
