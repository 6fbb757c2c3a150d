package dev.microscope.operator.control;

import static dev.microscope.operator.control.BuiltinSignal.LATENCY_P99_SECONDS;
import static dev.microscope.operator.control.BuiltinSignal.LATENCY_SLO_VIOLATION_RATIO;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_CPU_SATURATION;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The built-in scaling policy. Replicas outside the bounds are brought back at once. Otherwise,
 * like a horizontal pod autoscaler: {@code ceil(replicas * meanSaturation / target)} when the mean
 * CPU saturation of serving workers is more than 10% off target; and one more worker while the
 * latency SLO is violated under load (mean saturation at least half the target), since latency
 * without load is not something more workers fix. No saturation data: hold.
 */
final class ScalingAdvisor {
  private static final double TOLERANCE = ScalingPolicy.TOLERANCE;

  private ScalingAdvisor() {}

  /** The replicas the policy recommends now (the current count when it has no opinion). */
  record Advice(int recommendation, Optional<ProposedAction> proposal) {}

  static Advice advise(FleetPolicy policy, Signals signals, ObservedFleet observed) {
    int replicas = observed.replicas();
    int bounded = policy.workers().clamp(replicas);
    if (bounded != replicas) {
      return new Advice(
          bounded,
          Optional.of(
              new ProposedAction(
                  Action.scaleTo(bounded),
                  BuiltinRule.WORKER_BOUNDS.ruleName(),
                  Evidence.of().add("replicas", replicas).toMap(),
                  policy.workers().min() + ".." + policy.workers().max(),
                  replicas + " replicas outside workers.min..max")));
    }
    if (!policy.scaling().enabled()) {
      return new Advice(replicas, Optional.empty());
    }
    OptionalDouble mean =
        observed.serving().stream()
            .mapToDouble(w -> signals.worker(WORKER_CPU_SATURATION, w.id()).orNaN())
            .filter(v -> !Double.isNaN(v) && !Double.isInfinite(v))
            .average();
    if (mean.isEmpty() || replicas == 0) {
      return new Advice(replicas, Optional.empty());
    }
    double target = policy.scaling().targetSaturation();
    double ratio = mean.getAsDouble() / target;
    int desired = replicas;
    String why =
        "mean CPU saturation "
            + Numbers.format(mean.getAsDouble())
            + " vs target "
            + Numbers.format(target);
    if (Math.abs(ratio - 1) > TOLERANCE) {
      desired = (int) Math.ceil(replicas * ratio - 1e-9);
    }
    Reading violation = signals.fleet(LATENCY_SLO_VIOLATION_RATIO);
    Reading p99 = signals.fleet(LATENCY_P99_SECONDS);
    boolean latencyViolated =
        violation.orNaN() > policy.slo().latencyBudget()
            && p99.orNaN() > policy.slo().latencyThresholdSeconds();
    if (latencyViolated && mean.getAsDouble() >= target / 2 && desired <= replicas) {
      desired = replicas + 1;
      why = "latency SLO violated under load (" + why + ")";
    }
    desired = policy.workers().clamp(desired);
    if (desired == replicas) {
      return new Advice(replicas, Optional.empty());
    }
    Evidence evidence =
        Evidence.of()
            .add("mean_cpu_saturation", mean.getAsDouble())
            .add("replicas", replicas)
            .add(LATENCY_SLO_VIOLATION_RATIO, violation)
            .add(LATENCY_P99_SECONDS, p99);
    return new Advice(
        desired,
        Optional.of(
            new ProposedAction(
                Action.scaleTo(desired),
                BuiltinRule.SCALING.ruleName(),
                evidence.toMap(),
                "target saturation " + Numbers.format(target),
                why + ": " + replicas + " -> " + desired + " replicas")));
  }
}
