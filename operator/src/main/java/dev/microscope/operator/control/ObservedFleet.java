package dev.microscope.operator.control;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fleet as the platform sees it right now.
 *
 * @param replicas worker hosts asked for (the Deployment's replicas, or local processes)
 * @param chaosLevel the level the workers report; used only when the memory has none
 * @param memoryLimitBytes the memory limit of a worker host now; 0 = unknown
 */
public record ObservedFleet(
    int replicas, List<ObservedWorker> workers, double chaosLevel, long memoryLimitBytes) {
  public ObservedFleet {
    Checks.atLeast(replicas, 0, "replicas");
    workers = List.copyOf(workers);
    Set<String> ids = new HashSet<>();
    for (ObservedWorker worker : workers) {
      if (!ids.add(worker.id())) {
        throw new IllegalArgumentException("worker id '" + worker.id() + "' appears twice");
      }
    }
    Checks.between(chaosLevel, 0, 1, "chaosLevel");
    Checks.atLeast(memoryLimitBytes, 0, "memoryLimitBytes");
  }

  public static ObservedFleet of(int replicas, List<ObservedWorker> workers) {
    return new ObservedFleet(replicas, workers, 0, 0);
  }

  public ObservedFleet withMemoryLimitBytes(long value) {
    return new ObservedFleet(replicas, workers, chaosLevel, value);
  }

  public ObservedFleet withChaosLevel(double value) {
    return new ObservedFleet(replicas, workers, value, memoryLimitBytes);
  }

  public Optional<ObservedWorker> worker(String id) {
    return workers.stream().filter(w -> w.id().equals(id)).findFirst();
  }

  /** Workers in traffic: ready and not quarantined. */
  public List<ObservedWorker> serving() {
    return workers.stream().filter(w -> w.ready() && !w.quarantined()).toList();
  }
}
