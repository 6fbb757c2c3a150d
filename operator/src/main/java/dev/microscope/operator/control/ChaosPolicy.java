package dev.microscope.operator.control;

import java.time.Duration;

/**
 * How much chaos the fleet gets.
 *
 * @param faults base parameters of each fault: what a worker receives at level 1
 * @param maxLevel the highest level the operator may reach (0..1)
 * @param adaptive how the level follows the error budget; when off the level is {@code maxLevel}
 * @param blastRadius the share of workers chaos and disruptive actions may touch per window
 * @param leaseSeconds how long workers keep a fault without renewal
 */
public record ChaosPolicy(
    FaultSet faults,
    double maxLevel,
    Adaptive adaptive,
    BlastRadius blastRadius,
    int leaseSeconds) {
  public ChaosPolicy {
    Checks.required(faults, "chaos.faults");
    Checks.between(maxLevel, 0, 1, "chaos.maxLevel");
    Checks.required(adaptive, "chaos.adaptive");
    Checks.required(blastRadius, "chaos.blastRadius");
    Checks.between(leaseSeconds, 1, 86_400, "chaos.leaseSeconds");
  }

  public static ChaosPolicy defaults() {
    return new ChaosPolicy(FaultSet.none(), 0.5, Adaptive.defaults(), BlastRadius.defaults(), 30);
  }

  public ChaosPolicy withMaxLevel(double level) {
    return new ChaosPolicy(faults, level, adaptive, blastRadius, leaseSeconds);
  }

  public ChaosPolicy withAdaptive(Adaptive value) {
    return new ChaosPolicy(faults, maxLevel, value, blastRadius, leaseSeconds);
  }

  public ChaosPolicy withBlastRadius(BlastRadius value) {
    return new ChaosPolicy(faults, maxLevel, adaptive, value, leaseSeconds);
  }

  public ChaosPolicy withFaults(FaultSet value) {
    return new ChaosPolicy(value, maxLevel, adaptive, blastRadius, leaseSeconds);
  }

  /**
   * Adaptive intensity.
   *
   * @param increaseStep added to the level after a stabilization window of low burn
   * @param decreaseFactor the level is multiplied by this on a slow burn (0..1)
   * @param stepInterval the least time between two level changes (fast burn excepted)
   * @param stabilization how long the burn must stay low before the level rises; also the window a
   *     level must be held with the SLO met to count for the tolerance score
   * @param minBudgetRemaining below this share of error budget left the level never rises
   */
  public record Adaptive(
      boolean enabled,
      double increaseStep,
      double decreaseFactor,
      Duration stepInterval,
      Duration stabilization,
      double minBudgetRemaining) {
    public Adaptive {
      Checks.between(increaseStep, 0.001, 1, "chaos.adaptive.increaseStep");
      Checks.between(decreaseFactor, 0, 0.999, "chaos.adaptive.decreaseFactor");
      Checks.notNegative(stepInterval, "chaos.adaptive.stepInterval");
      Checks.positive(stabilization, "chaos.adaptive.stabilization");
      Checks.between(minBudgetRemaining, 0, 1, "chaos.adaptive.minBudgetRemaining");
    }

    public static Adaptive defaults() {
      return new Adaptive(true, 0.1, 0.5, Duration.ofMinutes(2), Duration.ofMinutes(10), 0.25);
    }
  }

  /**
   * @param maxShare the share of workers (0..1) that may carry faults, and that may be restarted or
   *     quarantined, within one window; at least one worker when above 0
   * @param window the chaos targets rotate every window; disruptions are counted per window
   */
  public record BlastRadius(double maxShare, Duration window) {
    public BlastRadius {
      Checks.between(maxShare, 0, 1, "chaos.blastRadius.maxShare");
      Checks.positive(window, "chaos.blastRadius.window");
    }

    public static BlastRadius defaults() {
      return new BlastRadius(0.5, Duration.ofMinutes(10));
    }

    /** How many of {@code workers} this radius allows. */
    public int allowed(int workers) {
      if (maxShare <= 0 || workers <= 0) {
        return 0;
      }
      return Math.max(1, (int) Math.floor(maxShare * workers + 1e-9));
    }
  }
}
