package dev.microscope.operator.control;

/** The least and most workers the fleet may have. */
public record WorkerBounds(int min, int max) {
  public WorkerBounds {
    Checks.atLeast(min, 0, "workers.min");
    Checks.atLeast(max, Math.max(min, 1), "workers.max");
  }

  public static WorkerBounds defaults() {
    return new WorkerBounds(1, 10);
  }

  public int clamp(int replicas) {
    return Math.max(min, Math.min(max, replicas));
  }
}
