package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;

/** The chaos level a fleet's workers run at now. */
public final class ChaosLevel {
  private ChaosLevel() {}

  /**
   * Zero while paused. Otherwise the level the control loop last chose (kept in status, so a
   * restart does not reset it), never above maxLevel; before its first choice, the initial level
   * with adaptive control and maxLevel without. A pause writes zero into status, so a fleet climbs
   * again from zero after it (at once to maxLevel without adaptive control).
   */
  public static double current(ChaosFleet fleet) {
    return fleet.isPaused() ? 0.0 : chosen(fleet);
  }

  /**
   * The level last chosen, pause or not: what the workers ran at before a pause took effect. The
   * control loop starts from it, so pausing is a decision of its own (an abort) in the log.
   */
  public static double chosen(ChaosFleet fleet) {
    var chaos = fleet.getSpec().getChaos();
    var status = fleet.getStatus();
    Double chosen = status == null ? null : status.getChaosLevel();
    double level =
        chosen != null
            ? chosen
            : chaos.getAdaptive().isEnabled()
                ? chaos.getAdaptive().getInitialLevel()
                : chaos.getMaxLevel();
    return Math.max(0.0, Math.min(chaos.getMaxLevel(), level));
  }
}
