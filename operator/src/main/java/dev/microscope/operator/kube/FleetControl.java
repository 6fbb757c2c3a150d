package dev.microscope.operator.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.api.v1alpha1.Durations;
import dev.microscope.operator.api.v1alpha1.FleetCondition;
import dev.microscope.operator.loop.ActedDecision;
import dev.microscope.operator.loop.ControlCycle;
import dev.microscope.operator.loop.CycleInput;
import dev.microscope.operator.loop.CycleReport;
import dev.microscope.operator.loop.CycleSchedule;
import dev.microscope.operator.loop.StatusWriter;
import dev.microscope.operator.observability.ControlMetrics;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control loop inside the reconciler: decides whether a cycle is due (poll interval, alert,
 * changed spec or pause), runs it with the Kubernetes observer and actuator, writes what it
 * produced into the fleet's status, and reports it as Events and metrics.
 */
public class FleetControl {
  private static final Logger LOG = LoggerFactory.getLogger(FleetControl.class);
  private static final ObjectMapper COPIER = new ObjectMapper();

  /** What a reconcile learns from the control loop. */
  public record Outcome(Optional<List<FleetCondition>> conditions, Duration next) {}

  private final ControlCycle cycle;
  private final AlertTriggers alerts;
  private final PodAddresses addresses;
  private final PrometheusTargets prometheus;
  private final OomKills oomKills = new OomKills();
  private final FleetEvents events;
  private final DecisionEvents decisionEvents;
  private final ControlMetrics metrics;
  private final Clock clock;

  public FleetControl(
      ControlCycle cycle,
      AlertTriggers alerts,
      PodAddresses addresses,
      OperatorConfig config,
      io.fabric8.kubernetes.client.KubernetesClient client,
      FleetEvents events,
      ControlMetrics metrics,
      Clock clock) {
    this.cycle = cycle;
    this.alerts = alerts;
    this.addresses = addresses;
    this.prometheus = new PrometheusTargets(client, config);
    this.events = events;
    this.decisionEvents = new DecisionEvents(events);
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Runs a cycle for a valid fleet when one is due. The fleet's status is replaced by a copy
   * holding what the cycle wrote; the caller compares it with the status as read.
   */
  public Outcome maybeRun(ChaosFleet fleet, Context<ChaosFleet> context) {
    var ref = KubeFleetObserver.ref(fleet);
    alerts.known(ref);
    var spec = fleet.getSpec();
    var pollInterval = Durations.parse(spec.getPrometheus().getPollInterval());
    long generation = generation(fleet);
    boolean paused = fleet.isPaused();
    var pending = alerts.take(ref);
    var verdict =
        CycleSchedule.check(
            fleet.getStatus() == null ? null : fleet.getStatus().getControl(),
            generation,
            paused,
            pollInterval,
            pending,
            Instant.now(clock));
    if (verdict.run().isEmpty()) {
      return new Outcome(Optional.empty(), verdict.next());
    }
    var status = copy(fleet.getStatus());
    CycleReport report;
    try {
      report =
          cycle.run(
              new CycleInput(ref, spec, status, paused, verdict.run().get()),
              new KubeFleetObserver(
                  fleet,
                  context.getClient(),
                  adminSecret(fleet, context),
                  addresses,
                  oomKills,
                  prometheus),
              new KubeActuator(fleet, context.getClient(), events, clock));
    } catch (RuntimeException e) {
      alerts.restore(ref, pending);
      throw e;
    }
    var fresh = StatusWriter.write(report, status, generation, paused);
    fleet.setStatus(status);
    metrics.record(report);
    decisionEvents.record(fleet, report, fresh);
    log(report, fresh);
    return new Outcome(Optional.of(ControlConditions.of(report)), verdict.next());
  }

  /** Forgets what the control loop keeps in memory of a deleted fleet. */
  public void forget(ChaosFleet fleet) {
    var ref = KubeFleetObserver.ref(fleet);
    alerts.forget(ref);
    cycle.forget(ref);
    oomKills.forget(ref);
    metrics.forget(ref);
  }

  /** New decisions at info; a quiet cycle, and decisions only repeated, at debug. */
  private static void log(CycleReport report, List<ActedDecision> fresh) {
    var summary = report.result().summary();
    var line = "cycle {} [{}] in {} ms: {} decisions ({} new), chaos level {}, safe mode {}{}";
    Object[] args = {
      report.fleet(),
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
      fresh.forEach(d -> LOG.info("  {}: {}", report.fleet(), d.explain()));
    }
  }

  private static Secret adminSecret(ChaosFleet fleet, Context<ChaosFleet> context) {
    var name = Names.adminSecret(fleet);
    return context
        .getSecondaryResourcesAsStream(Secret.class)
        .filter(s -> name.equals(s.getMetadata().getName()))
        .findFirst()
        .orElse(null);
  }

  private static long generation(ChaosFleet fleet) {
    Long generation = fleet.getMetadata().getGeneration();
    return generation == null ? 0L : generation;
  }

  private static ChaosFleetStatus copy(ChaosFleetStatus status) {
    return status == null
        ? new ChaosFleetStatus()
        : COPIER.convertValue(status, ChaosFleetStatus.class);
  }
}
