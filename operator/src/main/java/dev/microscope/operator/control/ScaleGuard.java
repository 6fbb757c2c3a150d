package dev.microscope.operator.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a scale decision within {@code workers.min..max}, within the largest change per step, and
 * above the scale-down stabilization floor.
 */
final class ScaleGuard {
  private ScaleGuard() {}

  static Verdict check(
      FleetPolicy policy, Action a, ObservedFleet observed, ControlMemory memory, Instant now) {
    int current = observed.replicas();
    int requested = (int) Math.round(a.number("replicas", current));
    List<String> notes = new ArrayList<>();
    int desired = policy.workers().clamp(requested);
    if (desired != requested) {
      notes.add(
          "clamped to workers.min..max ("
              + policy.workers().min()
              + ".."
              + policy.workers().max()
              + ")");
    }
    int step = policy.scaling().maxChangePerStep();
    int stepped = Math.max(current - step, Math.min(current + step, desired));
    if (stepped != desired) {
      notes.add("limited to autoscaling.maxChangePerStep " + step);
      desired = stepped;
    }
    if (desired < current) {
      int floor =
          ScaleStabilizer.floor(
              memory.scale(), current, now, policy.scaling().scaleDownStabilization());
      if (floor >= current) {
        return Verdict.block(
            a,
            "scale-down stabilization: the highest recommendation within "
                + policy.scaling().scaleDownStabilization().toSeconds()
                + "s is "
                + floor
                + ", holding "
                + current);
      }
      if (floor > desired) {
        notes.add("stabilized at " + floor);
        desired = floor;
      }
    }
    if (desired == current) {
      return Verdict.block(
          a, "no change: " + current + " replicas" + (notes.isEmpty() ? "" : ", " + notes));
    }
    Action adjusted = Action.scaleTo(desired).withParameter("previous", Integer.toString(current));
    return notes.isEmpty()
        ? Verdict.allow(adjusted)
        : Verdict.adjust(adjusted, String.join(", ", notes));
  }
}
