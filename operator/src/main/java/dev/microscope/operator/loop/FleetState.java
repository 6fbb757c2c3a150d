package dev.microscope.operator.loop;

import dev.microscope.operator.api.v1alpha1.ResourcesSpec;
import java.util.List;

/**
 * The desired state of a fleet that the control loop owns and the platform converges on, kept in
 * the fleet's status: worker hosts, chaos level, quarantined workers, traffic rate and worker
 * resources.
 *
 * @param trafficRate null = the spec's rate
 * @param resources null = the spec's resources
 */
public record FleetState(
    int replicas,
    double chaosLevel,
    List<String> quarantined,
    Double trafficRate,
    ResourcesSpec resources) {
  public FleetState {
    quarantined = quarantined.stream().sorted().distinct().toList();
  }

  FleetState withReplicas(int value) {
    return new FleetState(value, chaosLevel, quarantined, trafficRate, resources);
  }

  FleetState withChaosLevel(double value) {
    return new FleetState(replicas, value, quarantined, trafficRate, resources);
  }

  FleetState withQuarantined(String worker, boolean on) {
    var list = new java.util.ArrayList<>(quarantined);
    list.remove(worker);
    if (on) {
      list.add(worker);
    }
    return new FleetState(replicas, chaosLevel, list, trafficRate, resources);
  }

  FleetState withTrafficRate(double value) {
    return new FleetState(replicas, chaosLevel, quarantined, value, resources);
  }

  FleetState withResources(ResourcesSpec value) {
    return new FleetState(replicas, chaosLevel, quarantined, trafficRate, value);
  }
}
