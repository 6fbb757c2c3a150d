package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;

/** The chaos level a fleet's workers run at now. */
public final class ChaosLevel {
  private ChaosLevel() {}

  /**
   * Zero while paused. Without adaptive control: maxLevel. With it: the level the control loop last
   * chose (kept in status, so a restart does not reset it), else the initial level; never above
   * maxLevel. A pause writes zero into status, so an adaptive fleet climbs again from zero after
   * it.
   */
  public static double current(ChaosFleet fleet) {
    if (fleet.isPaused()) {
      return 0.0;
    }
    var chaos = fleet.getSpec().getChaos();
    if (!chaos.getAdaptive().isEnabled()) {
      return chaos.getMaxLevel();
    }
    var status = fleet.getStatus();
    Double chosen = status == null ? null : status.getChaosLevel();
    double level = chosen == null ? chaos.getAdaptive().getInitialLevel() : chosen;
    return Math.max(0.0, Math.min(chaos.getMaxLevel(), level));
  }
}
