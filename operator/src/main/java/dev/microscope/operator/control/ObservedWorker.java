package dev.microscope.operator.control;

import java.time.Instant;

/**
 * One worker as the platform sees it.
 *
 * @param id the {@code worker} label of its metrics
 * @param host the pod (Kubernetes) or process (local) hosting it; virtual workers share a host
 * @param startTime when it (last) started; null when unknown
 * @param memoryKills how often its host was killed for running out of memory, as a counter that
 *     only grows while the host lives
 */
public record ObservedWorker(
    String id,
    String host,
    boolean ready,
    boolean quarantined,
    Instant startTime,
    int memoryKills) {
  public ObservedWorker {
    Checks.notBlank(id, "worker.id");
    Checks.notBlank(host, "worker.host");
    Checks.atLeast(memoryKills, 0, "worker.memoryKills");
  }

  public static ObservedWorker ready(String id, String host) {
    return new ObservedWorker(id, host, true, false, null, 0);
  }

  public ObservedWorker withQuarantined(boolean value) {
    return new ObservedWorker(id, host, ready, value, startTime, memoryKills);
  }

  public ObservedWorker withMemoryKills(int value) {
    return new ObservedWorker(id, host, ready, quarantined, startTime, value);
  }

  public ObservedWorker withReady(boolean value) {
    return new ObservedWorker(id, host, value, quarantined, startTime, memoryKills);
  }
}
