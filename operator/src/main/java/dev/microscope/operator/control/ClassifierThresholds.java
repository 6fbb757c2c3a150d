package dev.microscope.operator.control;

import java.time.Duration;

/**
 * Where the classifier draws its lines.
 *
 * @param oomHorizon a worker predicted to reach its memory limit within this is about to OOM
 * @param memoryUsageRatio a worker at or above this share of its limit is about to OOM
 * @param liarScore a worker at or above this liar score is lying
 * @param flappingRestarts this many restarts within the hour is flapping
 * @param maxSeriesPerTarget a scrape target exposing more series than this raises a notification
 */
public record ClassifierThresholds(
    Duration oomHorizon,
    double memoryUsageRatio,
    double liarScore,
    int flappingRestarts,
    long maxSeriesPerTarget) {
  public ClassifierThresholds {
    Checks.positive(oomHorizon, "classification.oomHorizon");
    Checks.between(memoryUsageRatio, 0.1, 1, "classification.memoryUsageRatio");
    Checks.between(liarScore, 0.01, 1, "classification.liarScore");
    Checks.atLeast(flappingRestarts, 1, "classification.flappingRestarts");
    Checks.atLeast(maxSeriesPerTarget, 1, "classification.maxSeriesPerTarget");
  }

  public static ClassifierThresholds defaults() {
    return new ClassifierThresholds(Duration.ofMinutes(10), 0.9, 0.5, 3, 10_000);
  }
}
