package dev.microscope.operator.loop;

import dev.microscope.operator.api.v1alpha1.ResourcesSpec;
import dev.microscope.operator.control.ActionType;
import dev.microscope.operator.control.Decision;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Carries out the planned decisions of one cycle that act on hosts or desired state, in order.
 * Chaos and traffic decisions are left to the pushes that follow ({@link ChaosPush}, {@link
 * TrafficPush}), which settle their outcome.
 */
final class DecisionExecutor {
  /** What became of the decisions, the state after them, and the hosts that are going away. */
  record Execution(List<ActedDecision> acted, FleetState state, Set<String> leavingHosts) {}

  private final Actuator actuator;
  private final AdminClient admin;
  private final FleetSnapshot snapshot;
  private final ResourcesSpec specResources;

  DecisionExecutor(
      Actuator actuator, AdminClient admin, FleetSnapshot snapshot, ResourcesSpec specResources) {
    this.actuator = actuator;
    this.admin = admin;
    this.snapshot = snapshot;
    this.specResources = specResources;
  }

  /** Decisions of type chaos or traffic come back as applied; the pushes may turn them failed. */
  Execution execute(List<Decision> decisions, FleetState initial) {
    List<ActedDecision> acted = new ArrayList<>();
    Set<String> leaving = new HashSet<>();
    FleetState state = initial;
    for (Decision d : decisions) {
      if (d.outcome() != Decision.Outcome.PLANNED) {
        acted.add(ActedDecision.unplanned(d));
        continue;
      }
      try {
        state = apply(d, state, leaving);
        acted.add(ActedDecision.applied(d, null));
      } catch (ActuationException e) {
        acted.add(ActedDecision.failed(d, e.getMessage()));
      }
    }
    return new Execution(acted, state, leaving);
  }

  private FleetState apply(Decision d, FleetState state, Set<String> leaving)
      throws ActuationException {
    return switch (d.action()) {
      case SCALE -> state.withReplicas(Integer.parseInt(d.parameters().get("replicas")));
      case RESTART_WORKER -> restart(d.target(), state, leaving);
      case QUARANTINE_WORKER -> quarantine(d.target(), state);
      case SET_TRAFFIC_RATE ->
          state.withTrafficRate(Double.parseDouble(d.parameters().get("rate")));
      case SET_RESOURCES ->
          state.withResources(
              ResourceParameters.apply(
                  state.resources() == null ? specResources : state.resources(), d.parameters()));
      case NOTIFY -> {
        actuator.notify(d);
        yield state;
      }
      case SET_CHAOS, ABORT_CHAOS -> state;
    };
  }

  /**
   * A worker alone on its host restarts with its host (a quarantined host is retired: its
   * replacement runs already); a virtual worker restarts in place through its host's admin API.
   * Either way it comes back fresh, in traffic.
   */
  private FleetState restart(String worker, FleetState state, Set<String> leaving)
      throws ActuationException {
    var host = host(worker);
    if (host.hostsOnly(worker)) {
      if (host.quarantined()) {
        actuator.retire(host);
      } else {
        actuator.replace(host);
      }
      leaving.add(host.name());
    } else {
      if (host.admin() == null) {
        throw new ActuationException("host " + host.name() + " has no address yet");
      }
      var result =
          admin.send(
              AdminClient.Call.post(
                  host.admin(),
                  "/admin/workers/"
                      + URLEncoder.encode(worker, StandardCharsets.UTF_8)
                      + "/restart"),
              snapshot.adminToken());
      if (!result.ok()) {
        throw new ActuationException(result.error());
      }
    }
    return state.withQuarantined(worker, false);
  }

  /**
   * A worker alone on its host takes its host out of service; a virtual one only leaves traffic.
   */
  private FleetState quarantine(String worker, FleetState state) throws ActuationException {
    var host = host(worker);
    if (host.hostsOnly(worker) && !host.quarantined()) {
      actuator.quarantine(host);
    }
    return state.withQuarantined(worker, true);
  }

  private WorkerHost host(String worker) throws ActuationException {
    return snapshot
        .hostOf(worker)
        .orElseThrow(() -> new ActuationException("worker " + worker + " has no host any more"));
  }

  static boolean isChaos(ActionType type) {
    return type == ActionType.SET_CHAOS || type == ActionType.ABORT_CHAOS;
  }
}
