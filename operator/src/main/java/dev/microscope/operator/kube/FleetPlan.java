package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/**
 * Everything the dependents of one reconcile need beyond the fleet itself, computed once by the
 * reconciler and handed to them through the context, so each {@code desired()} is a pure function
 * of it.
 *
 * @param fleet the validated fleet
 * @param config operator-wide defaults
 * @param podMonitors whether the Prometheus Operator's PodMonitor CRD exists
 * @param replicas worker pods to run now
 * @param chaosLevel chaos level the workers run at now (0 while paused)
 * @param events where dependents report what they create and change
 */
public record FleetPlan(
    ChaosFleet fleet,
    OperatorConfig config,
    boolean podMonitors,
    int replicas,
    double chaosLevel,
    FleetEvents events) {
  private static final String KEY = FleetPlan.class.getName();

  /** The plan of a valid fleet at this moment. */
  public static FleetPlan of(
      ChaosFleet fleet, OperatorConfig config, boolean podMonitors, FleetEvents events) {
    return new FleetPlan(
        fleet, config, podMonitors, Scale.replicas(fleet), ChaosLevel.current(fleet), events);
  }

  /** The plan the reconciler put into this reconcile's context. */
  public static FleetPlan from(Context<ChaosFleet> context) {
    return context.managedWorkflowAndDependentResourceContext().getMandatory(KEY, FleetPlan.class);
  }

  /** Hands the plan to the dependents of this reconcile. */
  public void putInto(Context<ChaosFleet> context) {
    context.managedWorkflowAndDependentResourceContext().put(KEY, this);
  }

  /** Image of workers and traffic generator: the fleet's, else the operator's default. */
  public String image() {
    var image = fleet.getSpec().getWorkers().getImage();
    return image == null || image.isBlank() ? config.workerImage() : image;
  }
}
