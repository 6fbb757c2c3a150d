package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.SpecViolation;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;

/**
 * What one reconcile saw of a fleet: the input of {@link FleetStatusAggregator}.
 *
 * @param fleet the fleet as read
 * @param violations why its spec is invalid; empty when valid
 * @param replicas worker pods it should run
 * @param chaosLevel level its workers run at
 * @param workers the worker Deployment, null when absent
 * @param loadgen the traffic generator Deployment, null when absent
 */
public record FleetObservation(
    ChaosFleet fleet,
    List<SpecViolation> violations,
    int replicas,
    double chaosLevel,
    Deployment workers,
    Deployment loadgen) {

  public boolean valid() {
    return violations.isEmpty();
  }

  public long generation() {
    Long generation = fleet.getMetadata().getGeneration();
    return generation == null ? 0L : generation;
  }
}
