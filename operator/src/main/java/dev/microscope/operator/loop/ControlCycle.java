package dev.microscope.operator.loop;

import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.control.ActionType;
import dev.microscope.operator.control.ControlLoop;
import dev.microscope.operator.control.ControlMemory;
import dev.microscope.operator.control.ControlResult;
import dev.microscope.operator.control.Decision;
import dev.microscope.operator.control.Mode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One lap of the control loop for one fleet: observe the platform, read the signals, decide ({@link
 * ControlLoop}), act, and report. Shared by the Kubernetes operator and the local runtime; each
 * brings its own {@link FleetObserver} and {@link Actuator}.
 *
 * <p>Order within the lap: host actions first (restart, quarantine), then the chaos push to every
 * host that stays (renewing every worker's lease, even when nothing changed), then the traffic
 * push. Nothing is sent to workers or traffic generators unless the mode is Enforce; DryRun and
 * Observe only record.
 */
public final class ControlCycle {
  private final SignalSource signals;
  private final AdminClient admin;
  private final Clock clock;

  public ControlCycle(SignalSource signals, AdminClient admin, Clock clock) {
    this.signals = signals;
    this.admin = admin;
    this.clock = clock;
  }

  public CycleReport run(CycleInput in, FleetObserver observer, Actuator actuator) {
    long started = System.nanoTime();
    Instant now = clock.instant();
    var policy = FleetPolicyMapper.map(in.spec(), in.paused());
    ControlMemory memory = StatusMemory.read(in.status());
    FleetSnapshot snapshot = observer.observe();
    List<String> quarantined = stillPresent(quarantined(in.status()), snapshot);
    var read = signals.read(in.fleet(), policy, snapshot.prometheus(), now);
    ControlResult result =
        ControlLoop.decide(in.trigger(), policy, read, snapshot.observed(quarantined), memory, now);

    var execution =
        new DecisionExecutor(actuator, admin, snapshot, in.spec().getWorkers().getResources())
            .execute(result.decisions(), initialState(in, snapshot, quarantined));
    var state = execution.state();
    if (policy.mode() != Mode.DRY_RUN) {
      // Enforce applies the level; Observe's memory holds zero: no chaos while only watching
      state = state.withChaosLevel(result.memory().chaos().level());
    }
    var acted = execution.acted();
    if (result.chaos().apply()) {
      acted = pushChaos(in, now, snapshot, result, execution, state, acted);
    }
    if (policy.mode() == Mode.ENFORCE) {
      acted = pushTraffic(in, now, snapshot, result, state, acted);
    }
    return new CycleReport(
        in.fleet(),
        in.trigger(),
        now,
        Duration.ofNanos(System.nanoTime() - started),
        policy,
        read,
        result,
        acted,
        state);
  }

  /** The desired state as the status and the platform show it before this cycle. */
  private static FleetState initialState(
      CycleInput in, FleetSnapshot snapshot, List<String> quarantined) {
    var status = in.status();
    return new FleetState(
        snapshot.replicas(),
        snapshot.chaosLevel(),
        quarantined,
        status == null ? null : status.getTrafficRate(),
        status == null || status.getWorkers() == null ? null : status.getWorkers().getResources());
  }

  /** Renews the lease of every worker on a host that stays (not restarted or retired now). */
  private List<ActedDecision> pushChaos(
      CycleInput in,
      Instant now,
      FleetSnapshot snapshot,
      ControlResult result,
      DecisionExecutor.Execution execution,
      FleetState state,
      List<ActedDecision> acted) {
    var staying =
        snapshot.hosts().stream()
            .filter(h -> !execution.leavingHosts().contains(h.name()))
            .toList();
    return ChaosPush.push(
            result.chaos(),
            staying,
            Set.copyOf(state.quarantined()),
            in.spec().getChaos().getSeed(),
            admin,
            snapshot.adminToken())
        .settle(
            acted,
            Set.of(ActionType.SET_CHAOS, ActionType.ABORT_CHAOS),
            () ->
                entry(
                    now,
                    in,
                    "chaos-lease",
                    ActionType.SET_CHAOS,
                    Map.of("level", Double.toString(result.chaos().level())),
                    "renewing every worker's chaos lease"));
  }

  /** Keeps every traffic generator on the desired traffic. */
  private List<ActedDecision> pushTraffic(
      CycleInput in,
      Instant now,
      FleetSnapshot snapshot,
      ControlResult result,
      FleetState state,
      List<ActedDecision> acted) {
    var traffic =
        DesiredTraffic.of(
            in.spec(),
            state.trafficRate(),
            state.quarantined(),
            result.memory().prometheus().safeMode());
    return TrafficPush.push(traffic, snapshot.trafficGenerators(), admin, snapshot.adminToken())
        .settle(
            acted,
            Set.of(ActionType.SET_TRAFFIC_RATE),
            () ->
                entry(
                    now,
                    in,
                    "traffic",
                    ActionType.SET_TRAFFIC_RATE,
                    Map.of("rate", Double.toString(traffic.rate())),
                    "keeping the traffic generators on the desired traffic"));
  }

  /** Lets go of what is kept for a deleted fleet. */
  public void forget(FleetRef fleet) {
    signals.forget(fleet);
  }

  /** A log entry for something the cycle does every time (a push) when it fails. */
  private static Decision entry(
      Instant now,
      CycleInput in,
      String rule,
      ActionType action,
      Map<String, String> parameters,
      String reason) {
    return new Decision(
        now,
        in.trigger().value(),
        rule,
        Map.of(),
        null,
        action,
        dev.microscope.operator.control.Action.FLEET,
        parameters,
        false,
        Decision.Outcome.PLANNED,
        reason);
  }

  private static List<String> quarantined(ChaosFleetStatus status) {
    return status == null || status.getQuarantinedWorkers() == null
        ? List.of()
        : status.getQuarantinedWorkers();
  }

  /** Quarantined workers whose host is gone are forgotten. */
  private static List<String> stillPresent(List<String> workers, FleetSnapshot snapshot) {
    return workers.stream().filter(w -> snapshot.hostOf(w).isPresent()).toList();
  }
}
