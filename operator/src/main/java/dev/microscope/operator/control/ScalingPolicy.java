package dev.microscope.operator.control;

import java.time.Duration;

/**
 * Built-in scaling, in the manner of a horizontal pod autoscaler on CPU saturation, plus one more
 * worker while the latency SLO is violated under load.
 *
 * @param targetSaturation mean CPU saturation the fleet is sized for (0..1)
 * @param maxChangePerStep the most workers added or removed by one decision
 * @param scaleDownStabilization a scale-down goes only as low as the highest recommendation in this
 *     window; a scale-up is immediate
 */
public record ScalingPolicy(
    boolean enabled,
    double targetSaturation,
    int maxChangePerStep,
    Duration scaleDownStabilization) {
  /** Saturation within this share of the target (either way) changes nothing. */
  public static final double TOLERANCE = 0.1;

  public ScalingPolicy {
    Checks.between(targetSaturation, 0.05, 1, "autoscaling.targetCpuSaturation");
    Checks.atLeast(maxChangePerStep, 1, "autoscaling.maxChangePerStep");
    Checks.notNegative(scaleDownStabilization, "autoscaling.scaleDownStabilization");
  }

  public static ScalingPolicy defaults() {
    return new ScalingPolicy(true, 0.7, 2, Duration.ofSeconds(300));
  }
}
