package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.FleetCondition;
import dev.microscope.operator.api.v1alpha1.SpecViolation;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Optional;

/**
 * What one reconcile saw of a fleet: the input of {@link FleetStatusAggregator}.
 *
 * @param fleet the fleet as read
 * @param violations why its spec is invalid; empty when valid
 * @param replicas worker pods it should run
 * @param chaosLevel level its workers run at
 * @param workers the worker Deployment, null when absent
 * @param loadgen the traffic generator Deployment, null when absent
 * @param control the conditions a control cycle computed in this reconcile; empty when none ran
 */
public record FleetObservation(
    ChaosFleet fleet,
    List<SpecViolation> violations,
    int replicas,
    double chaosLevel,
    Deployment workers,
    Deployment loadgen,
    Optional<List<FleetCondition>> control) {

  /** What a reconcile saw when no control cycle ran. */
  public FleetObservation(
      ChaosFleet fleet,
      List<SpecViolation> violations,
      int replicas,
      double chaosLevel,
      Deployment workers,
      Deployment loadgen) {
    this(fleet, violations, replicas, chaosLevel, workers, loadgen, Optional.empty());
  }

  public boolean valid() {
    return violations.isEmpty();
  }

  public long generation() {
    Long generation = fleet.getMetadata().getGeneration();
    return generation == null ? 0L : generation;
  }
}
