package dev.microscope.operator.kube;

import static dev.microscope.operator.kube.Conditions.FALSE;
import static dev.microscope.operator.kube.Conditions.TRUE;
import static dev.microscope.operator.kube.Conditions.UNKNOWN;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.api.v1alpha1.FleetCondition;
import dev.microscope.operator.api.v1alpha1.SpecViolation;
import dev.microscope.operator.api.v1alpha1.WorkersStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds a fleet's status from what a reconcile observed. Owns the workers, the chaos level and the
 * conditions Ready, Progressing, Degraded, ChaosActive and Paused; takes the conditions of a
 * control cycle that ran in this reconcile (PrometheusReachable, SafeMode, BudgetExhausted, and its
 * view of Degraded); keeps everything else (indicators, scores, decisions, the control loop's
 * conditions between cycles) as it was. Degraded is True when the worker Deployment reports
 * trouble, else as the control loop last saw it.
 */
public class FleetStatusAggregator {
  /** Conditions written by the control loop; Unknown until it first reads Prometheus. */
  static final List<String> CONTROL_LOOP_CONDITIONS =
      List.of(Conditions.PROMETHEUS_REACHABLE, Conditions.BUDGET_EXHAUSTED, Conditions.SAFE_MODE);

  private static final ObjectMapper COPIER = new ObjectMapper();

  private final Clock clock;

  public FleetStatusAggregator(Clock clock) {
    this.clock = clock;
  }

  public ChaosFleetStatus aggregate(FleetObservation seen) {
    var previous = seen.fleet().getStatus();
    var status =
        previous == null
            ? new ChaosFleetStatus()
            : COPIER.convertValue(previous, ChaosFleetStatus.class);
    status.setObservedGeneration(seen.generation());
    status.setWorkers(workers(seen));
    if (seen.valid()) {
      status.setChaosLevel(seen.chaosLevel());
    }
    var now = Instant.now(clock);
    var old = status.getConditions() == null ? List.<FleetCondition>of() : status.getConditions();
    var next = new ArrayList<FleetCondition>();
    var control = seen.control().orElse(List.of());
    for (var condition : computed(seen, old)) {
      next.add(
          Conditions.settle(
              condition, Conditions.find(old, condition.getType()), now, seen.generation()));
    }
    for (var type : CONTROL_LOOP_CONDITIONS) {
      var fresh = Conditions.find(control, type);
      if (fresh.isPresent()) {
        next.add(
            Conditions.settle(fresh.get(), Conditions.find(old, type), now, seen.generation()));
        continue;
      }
      next.add(
          Conditions.find(old, type)
              .orElseGet(
                  () ->
                      Conditions.settle(
                          new FleetCondition(
                              type,
                              UNKNOWN,
                              "NotEvaluated",
                              "The control loop has not read Prometheus for this fleet yet."),
                          java.util.Optional.empty(),
                          now,
                          seen.generation())));
    }
    old.stream().filter(c -> Conditions.find(next, c.getType()).isEmpty()).forEach(next::add);
    status.setConditions(Conditions.ordered(next));
    return status;
  }

  private static WorkersStatus workers(FleetObservation seen) {
    int perPod = seen.fleet().getSpec().getWorkers().getWorkersPerPod();
    int ready = readyReplicas(seen.workers());
    var previous = seen.fleet().getStatus() == null ? null : seen.fleet().getStatus().getWorkers();
    var workers = new WorkersStatus();
    // The count the control loop chose stays its own; only a valid spec moves it into bounds.
    workers.setReplicas(previous == null ? null : previous.getReplicas());
    workers.setResources(previous == null ? null : previous.getResources());
    workers.setReadyReplicas(ready);
    workers.setDesired(previous == null ? null : previous.getDesired());
    if (seen.valid()) {
      workers.setReplicas(seen.replicas());
      workers.setDesired(seen.replicas() * perPod);
    }
    workers.setReady(ready * perPod);
    return workers;
  }

  private static List<FleetCondition> computed(FleetObservation seen, List<FleetCondition> old) {
    var fleet = seen.fleet();
    return List.of(
        ready(seen),
        progressing(seen),
        degraded(seen, old),
        chaosActive(seen),
        fleet.isPaused()
            ? new FleetCondition(
                Conditions.PAUSED,
                TRUE,
                "PauseAnnotation",
                "Annotation "
                    + ChaosFleet.PAUSED_ANNOTATION
                    + " is \"true\": no action is taken and chaos is at zero.")
            : new FleetCondition(
                Conditions.PAUSED, FALSE, "NotPaused", "The operator acts on this fleet."));
  }

  private static FleetCondition ready(FleetObservation seen) {
    if (!seen.valid()) {
      return new FleetCondition(Conditions.READY, FALSE, "InvalidSpec", message(seen.violations()));
    }
    if (seen.workers() == null) {
      return new FleetCondition(
          Conditions.READY, FALSE, "Creating", "The worker Deployment does not exist yet.");
    }
    int ready = readyReplicas(seen.workers());
    if (ready < seen.replicas()) {
      return new FleetCondition(
          Conditions.READY,
          FALSE,
          "WorkersNotReady",
          ready + " of " + seen.replicas() + " worker pods ready.");
    }
    if (seen.loadgen() == null || readyReplicas(seen.loadgen()) < 1) {
      return new FleetCondition(
          Conditions.READY, FALSE, "TrafficNotReady", "The traffic generator is not ready.");
    }
    int perPod = seen.fleet().getSpec().getWorkers().getWorkersPerPod();
    return new FleetCondition(
        Conditions.READY,
        TRUE,
        "WorkersReady",
        ready
            + " worker pods ("
            + ready * perPod
            + " virtual workers) and the traffic generator are ready.");
  }

  private static FleetCondition progressing(FleetObservation seen) {
    if (!seen.valid()) {
      return new FleetCondition(
          Conditions.PROGRESSING, FALSE, "InvalidSpec", "Nothing changes until the spec is fixed.");
    }
    var d = seen.workers();
    boolean rolling =
        d == null
            || d.getStatus() == null
            || !java.util.Objects.equals(
                d.getMetadata().getGeneration(), d.getStatus().getObservedGeneration())
            || value(d.getStatus().getUpdatedReplicas()) < seen.replicas()
            || value(d.getStatus().getReadyReplicas()) != seen.replicas();
    return rolling
        ? new FleetCondition(
            Conditions.PROGRESSING,
            TRUE,
            "RollingOut",
            "Worker pods are being created, updated or scaled to " + seen.replicas() + ".")
        : new FleetCondition(
            Conditions.PROGRESSING, FALSE, "Stable", "Worker pods match the spec.");
  }

  /** Deployment trouble first; else the control loop's latest view (this cycle's, or kept). */
  private static FleetCondition degraded(FleetObservation seen, List<FleetCondition> old) {
    var deployment = deploymentTrouble(seen);
    if (deployment.isPresent()) {
      return deployment.get();
    }
    var control = seen.control().flatMap(c -> Conditions.find(c, Conditions.DEGRADED));
    if (control.isPresent()) {
      return control.get();
    }
    return Conditions.find(old, Conditions.DEGRADED)
        .filter(c -> ControlConditions.DEGRADED_REASONS.contains(c.getReason()))
        .orElse(
            new FleetCondition(
                Conditions.DEGRADED, FALSE, "AsExpected", "No worker pod failure reported."));
  }

  private static java.util.Optional<FleetCondition> deploymentTrouble(FleetObservation seen) {
    var d = seen.workers();
    var trouble =
        d == null || d.getStatus() == null || d.getStatus().getConditions() == null
            ? List.<DeploymentCondition>of()
            : d.getStatus().getConditions().stream()
                .filter(
                    c ->
                        ("ReplicaFailure".equals(c.getType()) && TRUE.equals(c.getStatus()))
                            || ("Available".equals(c.getType()) && FALSE.equals(c.getStatus()))
                            || "ProgressDeadlineExceeded".equals(c.getReason()))
                .toList();
    if (trouble.isEmpty()) {
      return java.util.Optional.empty();
    }
    var first = trouble.get(0);
    return java.util.Optional.of(
        new FleetCondition(
            Conditions.DEGRADED,
            TRUE,
            first.getReason() == null ? first.getType() : first.getReason(),
            "Worker Deployment: " + first.getMessage()));
  }

  private static FleetCondition chaosActive(FleetObservation seen) {
    var fleet = seen.fleet();
    if (fleet.isPaused()) {
      return new FleetCondition(Conditions.CHAOS_ACTIVE, FALSE, "Paused", "The fleet is paused.");
    }
    if (!seen.valid()) {
      return new FleetCondition(
          Conditions.CHAOS_ACTIVE,
          FALSE,
          "InvalidSpec",
          "No chaos is applied from an invalid spec.");
    }
    var chaos = fleet.getSpec().getChaos();
    if (!chaos.hasFaults()) {
      return new FleetCondition(
          Conditions.CHAOS_ACTIVE, FALSE, "NoFaults", "spec.chaos names no fault.");
    }
    if (seen.chaosLevel() <= 0) {
      return new FleetCondition(
          Conditions.CHAOS_ACTIVE, FALSE, "LevelZero", "The chaos level is 0.");
    }
    return new FleetCondition(
        Conditions.CHAOS_ACTIVE,
        TRUE,
        "Injecting",
        String.format(
            java.util.Locale.ROOT,
            "Faults run at level %.2f of at most %.2f.",
            seen.chaosLevel(),
            chaos.getMaxLevel()));
  }

  /** The message of an InvalidSpec condition: every offending field. */
  static String message(List<SpecViolation> violations) {
    return "Invalid spec: "
        + violations.stream().map(SpecViolation::toString).collect(Collectors.joining("; "))
        + ".";
  }

  private static int readyReplicas(Deployment d) {
    return d == null || d.getStatus() == null ? 0 : value(d.getStatus().getReadyReplicas());
  }

  private static int value(Integer i) {
    return i == null ? 0 : i;
  }
}
