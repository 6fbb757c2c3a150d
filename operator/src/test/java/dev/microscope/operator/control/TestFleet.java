package dev.microscope.operator.control;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Observed fleets for tests: workers w-0..w-(n-1), one per host h-0..h-(n-1), 256 MiB each. */
final class TestFleet {
  static final long MIB = 1024 * 1024;

  private TestFleet() {}

  static List<String> ids(int n) {
    return IntStream.range(0, n).mapToObj(i -> "w-" + i).toList();
  }

  static ObservedFleet of(int n) {
    List<ObservedWorker> workers = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      workers.add(ObservedWorker.ready("w-" + i, "h-" + i));
    }
    return new ObservedFleet(n, workers, 0, 256 * MIB);
  }

  static ObservedFleet with(ObservedFleet fleet, ObservedWorker changed) {
    List<ObservedWorker> workers =
        fleet.workers().stream().map(w -> w.id().equals(changed.id()) ? changed : w).toList();
    return new ObservedFleet(
        fleet.replicas(), workers, fleet.chaosLevel(), fleet.memoryLimitBytes());
  }

  static ObservedFleet replicas(ObservedFleet fleet, int replicas) {
    return new ObservedFleet(
        replicas, fleet.workers(), fleet.chaosLevel(), fleet.memoryLimitBytes());
  }
}
