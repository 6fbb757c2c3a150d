package dev.microscope.operator.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Scale-down stabilization: a scale-down goes no lower than the highest recommendation of the
 * window, and not at all until the window is covered by recommendations; a scale-up is immediate.
 */
final class ScaleStabilizer {
  private ScaleStabilizer() {}

  static ControlMemory.ScaleHistory record(
      ControlMemory.ScaleHistory history, int recommendation, Instant now, Duration window) {
    List<ControlMemory.Recommendation> kept = new ArrayList<>();
    Instant horizon = now.minus(window);
    for (ControlMemory.Recommendation r : history.recommendations()) {
      if (!r.at().isBefore(horizon) && r.replicas() > recommendation) {
        kept.add(r);
      }
    }
    kept.add(new ControlMemory.Recommendation(now, recommendation));
    Instant since = history.since() == null ? now : history.since();
    return new ControlMemory.ScaleHistory(since, kept);
  }

  /** The lowest replica count a scale-down may reach now. */
  static int floor(ControlMemory.ScaleHistory history, int current, Instant now, Duration window) {
    Instant horizon = now.minus(window);
    int highest =
        history.recommendations().stream()
            .filter(r -> !r.at().isBefore(horizon))
            .mapToInt(ControlMemory.Recommendation::replicas)
            .max()
            .orElse(current);
    boolean covered = history.since() != null && !history.since().isAfter(horizon);
    return covered ? highest : Math.max(highest, current);
  }
}
