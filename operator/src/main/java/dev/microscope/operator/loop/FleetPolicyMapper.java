package dev.microscope.operator.loop;

import dev.microscope.operator.api.v1alpha1.AutoscalingSpec;
import dev.microscope.operator.api.v1alpha1.ChaosFleetSpec;
import dev.microscope.operator.api.v1alpha1.Durations;
import dev.microscope.operator.api.v1alpha1.PrometheusSpec;
import dev.microscope.operator.api.v1alpha1.QuotaSpec;
import dev.microscope.operator.api.v1alpha1.ReplicasSpec;
import dev.microscope.operator.constraints.FleetSizing;
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
        bounds(spec),
        scaling(spec),
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

  /** The spec's autoscaling; a fleet stored before the field existed scales by the defaults. */
  static ScalingPolicy scaling(ChaosFleetSpec spec) {
    AutoscalingSpec autoscaling = spec.getWorkers().getAutoscaling();
    if (autoscaling == null) {
      return ScalingPolicy.defaults();
    }
    return new ScalingPolicy(
        autoscaling.isEnabled(),
        autoscaling.getTargetCpuSaturation(),
        autoscaling.getMaxChangePerStep(),
        Durations.parse(autoscaling.getScaleDownStabilization()));
  }

  /** The spec's bounds; in constraints mode the most is what fits the budget. */
  static WorkerBounds bounds(ChaosFleetSpec spec) {
    ReplicasSpec replicas = spec.getWorkers().getReplicas();
    int max = FleetSizing.of(spec).map(s -> s.clamp(replicas.getMax())).orElse(replicas.getMax());
    return new WorkerBounds(replicas.getMin(), max);
  }

  static SafetyPolicy safety(ChaosFleetSpec spec) {
    return SafetyPolicy.defaults().withMemoryQuotaBytes(memoryQuotaPerPod(spec));
  }

  /**
   * The highest memory limit one worker pod may get: the quota's memory, less the traffic
   * generator's, shared by the most worker pods the fleet may run; in constraints mode the sized
   * limit; 0 without either.
   */
  static long memoryQuotaPerPod(ChaosFleetSpec spec) {
    var sizing = FleetSizing.of(spec);
    if (sizing.isPresent()) {
      // the sized limit already holds the most a worker can reach; more would break the budget
      return sizing.get().worker().limitBytes();
    }
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
