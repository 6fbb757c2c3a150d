package dev.microscope.operator.loop;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One process hosting workers: a pod in Kubernetes, a process in local mode.
 *
 * @param name the pod or process name, the {@code host} of its workers
 * @param admin base URL of its HTTP server (admin API included); null when it has no address yet
 * @param ready whether it passes its readiness check
 * @param quarantined taken out of service discovery, kept for evidence
 * @param startTime when it started; null when unknown
 * @param memoryKills how often it was killed for running out of memory, as a counter
 * @param workers the ids of the (virtual) workers it hosts
 */
public record WorkerHost(
    String name,
    URI admin,
    boolean ready,
    boolean quarantined,
    Instant startTime,
    int memoryKills,
    List<String> workers) {
  public WorkerHost {
    Objects.requireNonNull(name, "name");
    workers = List.copyOf(workers);
  }

  /**
   * The worker ids a host runs (docs/contract.md): its own name with one worker, {@code <name>-<i>}
   * with more.
   */
  public static List<String> workerIds(String host, int workersPerHost) {
    if (workersPerHost <= 1) {
      return List.of(host);
    }
    return java.util.stream.IntStream.range(0, workersPerHost)
        .mapToObj(i -> host + "-" + i)
        .toList();
  }

  /** True when this host runs only {@code worker}: acting on the host acts on the worker. */
  public boolean hostsOnly(String worker) {
    return workers.size() == 1 && workers.get(0).equals(worker);
  }
}
