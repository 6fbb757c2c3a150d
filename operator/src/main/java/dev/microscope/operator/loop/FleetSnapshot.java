package dev.microscope.operator.loop;

import dev.microscope.operator.control.ObservedFleet;
import dev.microscope.operator.control.ObservedWorker;
import dev.microscope.operator.prometheus.PrometheusConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the platform shows of a fleet at the start of a cycle.
 *
 * @param replicas worker hosts asked for now
 * @param hosts every worker host, serving or quarantined
 * @param trafficGenerators base URLs of the traffic generators' HTTP servers
 * @param chaosLevel the level the workers run at now
 * @param memoryLimitBytes a worker host's memory limit; 0 when unknown
 * @param adminToken the token of the admin APIs; null when it cannot be read (yet)
 * @param prometheus where to read the fleet's signals, or why that is not known
 */
public record FleetSnapshot(
    int replicas,
    List<WorkerHost> hosts,
    List<URI> trafficGenerators,
    double chaosLevel,
    long memoryLimitBytes,
    AdminToken adminToken,
    PrometheusTarget prometheus) {
  public FleetSnapshot {
    hosts = List.copyOf(hosts);
    trafficGenerators = List.copyOf(trafficGenerators);
  }

  /** The control loop's view: one worker per worker id, quarantined when listed or its host is. */
  public ObservedFleet observed(Collection<String> quarantinedWorkers) {
    List<ObservedWorker> workers = new ArrayList<>();
    for (WorkerHost host : hosts) {
      for (String id : host.workers()) {
        workers.add(
            new ObservedWorker(
                id,
                host.name(),
                host.ready(),
                host.quarantined() || quarantinedWorkers.contains(id),
                host.startTime(),
                host.memoryKills()));
      }
    }
    return new ObservedFleet(replicas, workers, chaosLevel, memoryLimitBytes);
  }

  public Optional<WorkerHost> hostOf(String worker) {
    return hosts.stream().filter(h -> h.workers().contains(worker)).findFirst();
  }

  /** Where Prometheus is, or why it is not known (no URL, a missing Secret). */
  public record PrometheusTarget(PrometheusConnection connection, String problem) {
    public static PrometheusTarget of(PrometheusConnection connection) {
      return new PrometheusTarget(java.util.Objects.requireNonNull(connection), null);
    }

    public static PrometheusTarget unknown(String problem) {
      return new PrometheusTarget(null, java.util.Objects.requireNonNull(problem));
    }
  }
}
