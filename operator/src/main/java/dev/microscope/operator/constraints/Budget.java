package dev.microscope.operator.constraints;

/**
 * What a fleet must fit: memory in bytes, CPU in millicores (0: unlimited), and the fleet's shape.
 *
 * @param workersPerPod virtual workers in each worker process
 * @param minPods worker pods the fleet may never go below
 * @param maxPods worker pods the spec allows at most, before fitting
 */
public record Budget(
    long memoryBytes, long cpuMillis, int workersPerPod, int minPods, int maxPods) {
  public Budget {
    if (memoryBytes <= 0 || cpuMillis < 0 || workersPerPod < 1 || minPods < 0 || maxPods < 1) {
      throw new IllegalArgumentException(
          "budget out of range: memory "
              + memoryBytes
              + ", cpu "
              + cpuMillis
              + "m, workersPerPod "
              + workersPerPod
              + ", pods "
              + minPods
              + ".."
              + maxPods);
    }
  }
}
