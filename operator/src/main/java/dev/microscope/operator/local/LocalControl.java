package dev.microscope.operator.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.api.v1alpha1.WorkersStatus;
import dev.microscope.operator.control.Trigger;
import dev.microscope.operator.loop.ActedDecision;
import dev.microscope.operator.loop.AdminToken;
import dev.microscope.operator.loop.ControlCycle;
import dev.microscope.operator.loop.CycleInput;
import dev.microscope.operator.loop.CycleReport;
import dev.microscope.operator.loop.FleetRef;
import dev.microscope.operator.loop.FleetSnapshot;
import dev.microscope.operator.loop.StatusWriter;
import dev.microscope.operator.observability.OperatorMetrics;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cycle of a local fleet: runs the shared control lap with the local observer and actuator,
 * writes what it produced into the status, persists the status, and records metrics. The status
 * held here is the fleet's desired state; the supervisor converges on it after every cycle.
 */
final class LocalControl {
  private static final Logger LOG = LoggerFactory.getLogger(LocalControl.class);
  private static final ObjectMapper COPIER = new ObjectMapper();

  private final ChaosFleet fleet;
  private final FleetRef ref;
  private final long generation;
  private final ControlCycle cycle;
  private final Supervisor supervisor;
  private final WorkerLaunch launch;
  private final AdminToken token;
  private final FleetSnapshot.PrometheusTarget prometheus;
  private final StateFile state;
  private final OperatorMetrics metrics;
  private final Consumer<String> notices;
  private volatile ChaosFleetStatus status;
  private volatile CycleReport last;

  LocalControl(
      ChaosFleet fleet,
      long generation,
      ControlCycle cycle,
      Supervisor supervisor,
      WorkerLaunch launch,
      AdminToken token,
      FleetSnapshot.PrometheusTarget prometheus,
      StateFile state,
      ChaosFleetStatus initial,
      OperatorMetrics metrics,
      Consumer<String> notices) {
    this.fleet = fleet;
    this.ref = new FleetRef(fleet.getMetadata().getNamespace(), fleet.getMetadata().getName());
    this.generation = generation;
    this.cycle = cycle;
    this.supervisor = supervisor;
    this.launch = launch;
    this.token = token;
    this.prometheus = prometheus;
    this.state = state;
    this.status = initial;
    this.metrics = metrics;
    this.notices = notices;
    metrics.fleets().record(fleet, initial == null ? new ChaosFleetStatus() : initial);
  }

  FleetRef ref() {
    return ref;
  }

  long generation() {
    return generation;
  }

  /** The status as last written; null before the first cycle of a fresh fleet. */
  ChaosFleetStatus status() {
    return status;
  }

  /** The report of the latest cycle; null before the first. */
  CycleReport lastReport() {
    return last;
  }

  void run(Trigger trigger) throws IOException {
    var copy = copy(status);
    var view = new ChaosFleet();
    view.setMetadata(fleet.getMetadata());
    view.setSpec(fleet.getSpec());
    view.setStatus(status);
    var report =
        cycle.run(
            new CycleInput(ref, fleet.getSpec(), copy, fleet.isPaused(), trigger),
            new LocalObserver(view, supervisor, launch, token, prometheus),
            new LocalActuator(supervisor, notices));
    var fresh = StatusWriter.write(report, copy, generation, fleet.isPaused());
    workers(copy, report);
    status = copy;
    last = report;
    state.write(fleet.getMetadata().getName(), copy);
    metrics.control().record(report);
    metrics.fleets().record(fleet, copy);
    log(report, fresh);
  }

  /** Desired and ready workers, as the Kubernetes status aggregator counts them. */
  private void workers(ChaosFleetStatus status, CycleReport report) {
    var workers = status.getWorkers() == null ? new WorkersStatus() : status.getWorkers();
    workers.setDesired(report.state().replicas());
    workers.setReady(
        (int) supervisor.hosts().stream().filter(h -> h.ready() && !h.quarantined()).count());
    status.setWorkers(workers);
  }

  private static void log(CycleReport report, List<ActedDecision> fresh) {
    var summary = report.result().summary();
    var line = "cycle [{}] in {} ms: {} decisions ({} new), chaos level {}, safe mode {}{}";
    Object[] args = {
      report.trigger(),
      report.took().toMillis(),
      report.decisions().size(),
      fresh.size(),
      summary.chaosLevel(),
      summary.safeMode(),
      report.signals().pollFailed()
          ? ", Prometheus unreadable: " + report.signals().pollFailureReason().orElse("")
          : ""
    };
    if (fresh.isEmpty()) {
      LOG.debug(line, args);
    } else {
      LOG.info(line, args);
      fresh.forEach(d -> LOG.info("  {}", d.explain()));
    }
  }

  private static ChaosFleetStatus copy(ChaosFleetStatus status) {
    return status == null
        ? new ChaosFleetStatus()
        : COPIER.convertValue(status, ChaosFleetStatus.class);
  }
}
