package dev.microscope.operator.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.api.v1alpha1.ResourcesSpec;
import dev.microscope.operator.kube.Scale;
import dev.microscope.operator.loop.DesiredTraffic;
import dev.microscope.operator.loop.WorkerHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converges a fleet's processes on its status, as the Kubernetes Deployments follow it: as many
 * serving worker processes as {@code status.workers.replicas}, each with the memory of {@code
 * status.workers.resources} (a process with other memory is restarted with the new flags, one per
 * pass), a process that ended by itself started again, and one traffic generator. Quarantined
 * workers keep running (for evidence) and stay scraped, labelled {@code quarantined-worker}; they
 * leave the traffic generator's targets and a replacement starts. A worker gets traffic as soon as
 * it answers HTTP and enters Prometheus' targets once warm (see {@link WorkerProcess}).
 */
final class Supervisor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private final ChaosFleet fleet;
  private final RunDir dir;
  private final WorkerLaunch launch;
  private final Map<String, WorkerProcess> hosts = new LinkedHashMap<>();
  private final int loadgenPort;
  private final Path trafficFile;
  private final WorkerProcess loadgen;
  private boolean loadgenStarted;
  private int nextIndex;
  // null until first written: the traffic generator refuses to start without its targets file,
  // so an empty first list must be written too
  private String lastTargets;
  private String lastTrafficTargets;
  private String lastTraffic = "";
  private boolean closed;

  Supervisor(ChaosFleet fleet, RunDir dir, WorkerLaunch launch) {
    this.fleet = fleet;
    this.dir = dir;
    this.launch = launch;
    this.loadgenPort = Ports.free();
    this.loadgen =
        new WorkerProcess(
            fleet.getMetadata().getName() + "-loadgen", loadgenPort, List.of(), false);
    this.trafficFile = dir.config("traffic.json");
  }

  private String fleetName() {
    return fleet.getMetadata().getName();
  }

  /** Brings the processes to the status; a status of null is the spec's initial state. */
  synchronized void converge(ChaosFleetStatus status) throws IOException {
    if (closed) {
      return;
    }
    restartExited();
    var resources = resources(status);
    scale(replicas(status), resources);
    rollOne(resources);
    writeTargets();
    writeTraffic(status);
    if (!loadgenStarted || loadgen.exited()) {
      if (loadgenStarted) {
        LOG.warn("traffic generator exited; starting it again:\n{}", loadgen.logTail());
      }
      loadgen.start(
          ChildProcess.start(
              loadgen.name(),
              launch.loadgen(loadgenPort, dir.trafficTargets(), trafficFile),
              dir.processes()),
          0);
      loadgenStarted = true;
    }
  }

  /** The desired serving worker processes, as Kubernetes' Scale reads them from the status. */
  private int replicas(ChaosFleetStatus status) {
    var copy = new ChaosFleet();
    copy.setSpec(fleet.getSpec());
    copy.setStatus(status);
    return Scale.replicas(copy);
  }

  private ResourcesSpec resources(ChaosFleetStatus status) {
    var chosen =
        status == null || status.getWorkers() == null ? null : status.getWorkers().getResources();
    return chosen == null ? fleet.getSpec().getWorkers().getResources() : chosen;
  }

  private void restartExited() throws IOException {
    for (var host : List.copyOf(hosts.values())) {
      if (!host.exited()) {
        continue;
      }
      host.countExit();
      LOG.warn("worker {} exited:\n{}", host.name(), host.logTail());
      if (host.quarantined()) {
        hosts.remove(host.name());
      } else {
        startProcess(host, host.memoryLimitBytes());
      }
    }
  }

  private void scale(int replicas, ResourcesSpec resources) throws IOException {
    var serving = serving();
    for (int i = serving.size(); i < replicas; i++) {
      var name = fleetName() + "-worker-" + nextIndex++;
      var host =
          new WorkerProcess(
              name,
              Ports.free(),
              WorkerHost.workerIds(name, fleet.getSpec().getWorkers().getWorkersPerPod()),
              true);
      hosts.put(name, host);
      startProcess(host, launch.memoryLimitBytes(resources));
    }
    // newest first, as a ReplicaSet prefers to remove the youngest pods
    for (int i = serving.size() - 1; i >= replicas; i--) {
      var host = serving.get(i);
      hosts.remove(host.name());
      host.stop(STOP_GRACE);
      LOG.info("stopped worker {} (scale down to {})", host.name(), replicas);
    }
  }

  /** Restarts one serving worker whose memory limit differs from the desired one. */
  private void rollOne(ResourcesSpec resources) throws IOException {
    long limit = launch.memoryLimitBytes(resources);
    var serving = serving();
    if (serving.stream().anyMatch(h -> !h.ready())) {
      return; // one at a time: wait until the previous one serves again
    }
    for (var host : serving) {
      if (host.memoryLimitBytes() != limit) {
        LOG.info(
            "restarting worker {} with a memory limit of {} bytes (was {})",
            host.name(),
            limit,
            host.memoryLimitBytes());
        host.stop(STOP_GRACE);
        startProcess(host, limit);
        return;
      }
    }
  }

  private void startProcess(WorkerProcess host, long limitBytes) throws IOException {
    host.start(
        ChildProcess.start(
            host.name(), launch.worker(host.name(), host.port(), limitBytes), dir.processes()),
        limitBytes);
  }

  private List<WorkerProcess> serving() {
    return hosts.values().stream().filter(h -> !h.quarantined()).toList();
  }

  /** Prometheus scrapes every process; the traffic generator sends to serving workers only. */
  private void writeTargets() throws IOException {
    var groups = new ArrayList<Map<String, Object>>();
    for (var host : hosts.values()) {
      if (!host.ready() && !host.quarantined()) {
        continue; // warming up: see WorkerProcess
      }
      groups.add(
          group(
              host.hostPort(), host.name(), host.quarantined() ? "quarantined-worker" : "worker"));
    }
    groups.add(group(loadgen.hostPort(), loadgen.name(), "loadgen"));
    var targets = JSON.writeValueAsString(groups);
    if (!targets.equals(lastTargets)) {
      RunDir.writeAtomically(dir.prometheusTargets(), targets);
      lastTargets = targets;
    }
    var traffic =
        String.join(
            "\n",
            serving().stream()
                .filter(WorkerProcess::listening)
                .map(WorkerProcess::hostPort)
                .toList());
    if (!traffic.equals(lastTrafficTargets)) {
      RunDir.writeAtomically(dir.trafficTargets(), traffic.isEmpty() ? "" : traffic + "\n");
      lastTrafficTargets = traffic;
    }
  }

  private Map<String, Object> group(String target, String pod, String component) {
    var labels = new LinkedHashMap<String, String>();
    labels.put("namespace", FleetFile.NAMESPACE);
    labels.put("pod", pod);
    labels.put("component", component);
    var group = new LinkedHashMap<String, Object>();
    group.put("targets", List.of(target));
    group.put("labels", labels);
    return group;
  }

  private void writeTraffic(ChaosFleetStatus status) throws IOException {
    var traffic = DesiredTraffic.of(fleet.getSpec(), status).json();
    if (!traffic.equals(lastTraffic)) {
      RunDir.writeAtomically(trafficFile, traffic);
      lastTraffic = traffic;
    }
  }

  /** Every worker host, serving and quarantined, in start order. */
  synchronized List<WorkerHost> hosts() {
    return hosts.values().stream().map(WorkerProcess::host).toList();
  }

  synchronized List<URI> trafficGenerators() {
    return loadgen.host().ready() ? List.of(loadgen.base()) : List.of();
  }

  /** The process ids of every running process, for tests and the view. */
  synchronized Map<String, Long> pids() {
    var out = new LinkedHashMap<String, Long>();
    hosts.values().forEach(h -> out.put(h.name(), h.pid()));
    if (loadgenStarted) {
      out.put(loadgen.name(), loadgen.pid());
    }
    return out;
  }

  /** A fresh process for a host on the same port. */
  synchronized void replace(String name) throws IOException {
    var host = find(name).orElseThrow(() -> new IOException("no worker process " + name));
    host.stop(STOP_GRACE);
    startProcess(host, host.memoryLimitBytes());
  }

  /** Out of the traffic, kept running; the next convergence starts a replacement. */
  synchronized void quarantine(String name) throws IOException {
    find(name).orElseThrow(() -> new IOException("no worker process " + name)).quarantine();
    writeTargets();
  }

  synchronized void retire(String name) {
    var host = hosts.remove(name);
    if (host != null) {
      host.stop(STOP_GRACE);
    }
  }

  private Optional<WorkerProcess> find(String name) {
    return Optional.ofNullable(hosts.get(name));
  }

  /** Stops every process at once and waits for all of them. */
  @Override
  public void close() {
    List<Runnable> stops = new ArrayList<>();
    synchronized (this) {
      closed = true;
      hosts.values().forEach(h -> stops.add(() -> h.stop(STOP_GRACE)));
      stops.add(() -> loadgen.stop(STOP_GRACE));
      hosts.clear();
    }
    try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      stops.forEach(executor::submit);
    } catch (UncheckedIOException e) {
      LOG.warn("stopping processes: {}", e.getMessage());
    }
  }
}
