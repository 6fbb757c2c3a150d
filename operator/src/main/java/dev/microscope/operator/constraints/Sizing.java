package dev.microscope.operator.constraints;

/**
 * How a fleet fits its budget.
 *
 * @param maxPods the most worker pods that fit, never above the spec's replicas.max
 * @param workerCpuMillis CPU limit of one worker pod; 0 when the budget leaves CPU unlimited
 * @param loadgenCpuMillis CPU limit of the traffic generator; 0 when unlimited
 */
public record Sizing(
    Budget budget,
    JvmSizing worker,
    JvmSizing loadgen,
    long operatorBytes,
    int maxPods,
    long workerCpuMillis,
    long loadgenCpuMillis) {

  /** Virtual workers at the most pods. */
  public int maxWorkers() {
    return maxPods * budget.workersPerPod();
  }

  /** Memory the operator, the traffic generator and the most worker pods may hold together. */
  public long committedBytes() {
    return operatorBytes + loadgen.limitBytes() + (long) maxPods * worker.limitBytes();
  }

  /** The worker pod count the control loop may choose, inside what fits. */
  public int clamp(int replicas) {
    return Math.min(replicas, maxPods);
  }
}
