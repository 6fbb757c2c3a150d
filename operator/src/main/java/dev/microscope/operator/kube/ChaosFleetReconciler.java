package dev.microscope.operator.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ChaosFleetValidator;
import dev.microscope.operator.observability.FleetGauges;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;

/**
 * Turns a ChaosFleet into its Kubernetes objects and reports what it sees. The spec is validated
 * first: an invalid one touches nothing and says why in Ready. Metadata changes (the pause
 * annotation) reconcile too, so the status write that follows every change must be idempotent.
 */
@Workflow(
    explicitInvocation = true,
    dependents = {
      @Dependent(name = "admin-token", type = AdminTokenSecret.class),
      @Dependent(name = "chaos", type = ChaosConfigMap.class),
      @Dependent(name = "config", type = ConfigConfigMap.class),
      @Dependent(
          name = "workers",
          type = WorkerDeployment.class,
          dependsOn = {"admin-token", "chaos", "config"}),
      @Dependent(name = "service", type = WorkerService.class),
      @Dependent(name = "loadgen", type = LoadgenDeployment.class, dependsOn = "service"),
      @Dependent(name = "disruption-budget", type = WorkerDisruptionBudget.class),
      @Dependent(
          name = "quota",
          type = FleetResourceQuota.class,
          reconcilePrecondition = QuotaRequested.class),
      @Dependent(
          name = "limits",
          type = FleetLimitRange.class,
          reconcilePrecondition = QuotaRequested.class),
      @Dependent(
          name = "pod-monitor",
          type = WorkerPodMonitor.class,
          activationCondition = PodMonitorCrdPresent.class),
      @Dependent(
          name = "slo-rules",
          type = FleetPrometheusRule.class,
          activationCondition = PrometheusRuleCrdPresent.class)
    })
@ControllerConfiguration(name = "chaosfleet", generationAwareEventProcessing = false)
public class ChaosFleetReconciler implements Reconciler<ChaosFleet>, Cleaner<ChaosFleet> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OperatorConfig config;
  private final ChaosFleetValidator validator = new ChaosFleetValidator();
  private final PodMonitorCrd podMonitorCrd;
  private final FleetStatusAggregator aggregator;
  private final FleetEvents events;
  private final FleetGauges gauges;

  public ChaosFleetReconciler(
      OperatorConfig config,
      PodMonitorCrd podMonitorCrd,
      FleetStatusAggregator aggregator,
      FleetEvents events,
      FleetGauges gauges) {
    this.config = config;
    this.podMonitorCrd = podMonitorCrd;
    this.aggregator = aggregator;
    this.events = events;
    this.gauges = gauges;
  }

  @Override
  public UpdateControl<ChaosFleet> reconcile(ChaosFleet fleet, Context<ChaosFleet> context) {
    var violations = validator.validate(fleet);
    var valid = violations.isEmpty();
    if (valid) {
      FleetPlan.of(fleet, config, podMonitorCrd.present(context.getClient()), events)
          .putInto(context);
      context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
    }
    var seen =
        new FleetObservation(
            fleet,
            violations,
            valid ? Scale.replicas(fleet) : 0,
            valid ? ChaosLevel.current(fleet) : 0.0,
            deployment(context, Names.workers(fleet)),
            deployment(context, Names.loadgen(fleet)));
    var status = aggregator.aggregate(seen);
    gauges.record(fleet, status);
    if (!JSON.valueToTree(status).equals(JSON.valueToTree(fleet.getStatus()))) {
      FleetStatusWriter.write(fleet, status, context);
      // told after the write: a write that fails is retried, and its news must not be told twice
      events.transitions(fleet, fleet.getStatus(), status);
    }
    return UpdateControl.noUpdate();
  }

  @Override
  public DeleteControl cleanup(ChaosFleet fleet, Context<ChaosFleet> context) {
    gauges.forget(fleet.getMetadata().getNamespace(), fleet.getMetadata().getName());
    return DeleteControl.defaultDelete();
  }

  private static Deployment deployment(Context<ChaosFleet> context, String name) {
    return context
        .getSecondaryResourcesAsStream(Deployment.class)
        .filter(d -> name.equals(d.getMetadata().getName()))
        .findFirst()
        .orElse(null);
  }
}
