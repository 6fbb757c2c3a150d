package dev.microscope.operator.kube;

import dev.microscope.operator.loop.FleetRef;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts out-of-memory kills of each fleet's pods. Kubernetes keeps only a container's restart
 * count and the reason of its last termination, so a kill is counted when the count grows and the
 * last termination was {@code OOMKilled}. The counts live as long as the operator process; after a
 * restart they start again from what the pods show, which the control loop reads as no new kill.
 */
final class OomKills {
  private record Seen(int restarts, int kills) {}

  private final Map<FleetRef, Map<String, Seen>> fleets = new ConcurrentHashMap<>();

  /** The kill count of every pod of the fleet by pod name; pods not listed are forgotten. */
  Map<String, Integer> count(FleetRef fleet, List<Pod> pods) {
    var previous = fleets.getOrDefault(fleet, Map.of());
    Map<String, Seen> next = new ConcurrentHashMap<>();
    Map<String, Integer> out = new java.util.HashMap<>();
    for (Pod pod : pods) {
      var key = pod.getMetadata().getName();
      var seen = next(previous.get(key), pod);
      next.put(key, seen);
      out.put(key, seen.kills());
    }
    fleets.put(fleet, next);
    return out;
  }

  void forget(FleetRef fleet) {
    fleets.remove(fleet);
  }

  private static Seen next(Seen old, Pod pod) {
    var statuses = pod.getStatus() == null ? null : pod.getStatus().getContainerStatuses();
    if (statuses == null || statuses.isEmpty()) {
      return old == null ? new Seen(0, 0) : old;
    }
    var container = statuses.get(0);
    int restarts = container.getRestartCount() == null ? 0 : container.getRestartCount();
    boolean lastWasOom =
        container.getLastState() != null
            && container.getLastState().getTerminated() != null
            && "OOMKilled".equals(container.getLastState().getTerminated().getReason());
    if (old == null) {
      return new Seen(restarts, lastWasOom && restarts > 0 ? 1 : 0);
    }
    boolean fresh = restarts > old.restarts() && lastWasOom;
    return new Seen(restarts, old.kills() + (fresh ? 1 : 0));
  }
}
