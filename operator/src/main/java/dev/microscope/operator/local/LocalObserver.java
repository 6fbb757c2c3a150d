package dev.microscope.operator.local;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.kube.ChaosLevel;
import dev.microscope.operator.kube.Scale;
import dev.microscope.operator.loop.AdminToken;
import dev.microscope.operator.loop.FleetObserver;
import dev.microscope.operator.loop.FleetSnapshot;

/**
 * A local fleet as its processes show it: the supervisor's worker processes and traffic generator,
 * the replica count, chaos level and memory limit its status asks for (read as the Kubernetes side
 * reads them), the admin token of the run, and the local Prometheus.
 */
final class LocalObserver implements FleetObserver {
  private final ChaosFleet fleet;
  private final Supervisor supervisor;
  private final WorkerLaunch launch;
  private final AdminToken token;
  private final FleetSnapshot.PrometheusTarget prometheus;

  /**
   * @param fleet the fleet with the status this cycle starts from
   */
  LocalObserver(
      ChaosFleet fleet,
      Supervisor supervisor,
      WorkerLaunch launch,
      AdminToken token,
      FleetSnapshot.PrometheusTarget prometheus) {
    this.fleet = fleet;
    this.supervisor = supervisor;
    this.launch = launch;
    this.token = token;
    this.prometheus = prometheus;
  }

  @Override
  public FleetSnapshot observe() {
    ChaosFleetStatus status = fleet.getStatus();
    var resources =
        status == null || status.getWorkers() == null ? null : status.getWorkers().getResources();
    return new FleetSnapshot(
        Scale.replicas(fleet),
        supervisor.hosts(),
        supervisor.trafficGenerators(),
        ChaosLevel.chosen(fleet),
        launch.memoryLimitBytes(resources),
        token,
        prometheus);
  }
}
