package dev.microscope.operator.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ChaosFleetValidator;
import dev.microscope.operator.observability.FleetGauges;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.util.List;
import java.util.Optional;

/**
 * Turns a ChaosFleet into its Kubernetes objects, runs its control loop, and reports what it sees.
 * The spec is validated first: an invalid one touches nothing and says why in Ready. A valid one
 * gets a control cycle when one is due ({@link FleetControl}), before its dependents, so that what
 * the cycle decided (replicas, chaos level, quarantined workers, traffic, resources) reaches the
 * Deployment and ConfigMaps in the same reconcile. Every reconcile asks to be called again when the
 * next cycle is due. Metadata changes (the pause annotation) reconcile too, so the status write
 * that follows every change must be idempotent.
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
public class ChaosFleetReconciler implements Reconciler<ChaosFleet> {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OperatorConfig config;
  private final ChaosFleetValidator validator = new ChaosFleetValidator();
  private final PodMonitorCrd podMonitorCrd;
  private final FleetStatusAggregator aggregator;
  private final FleetEvents events;
  private final FleetGauges gauges;
  private final FleetControl control;
  private final AlertTriggers alerts;

  public ChaosFleetReconciler(
      OperatorConfig config,
      PodMonitorCrd podMonitorCrd,
      FleetStatusAggregator aggregator,
      FleetEvents events,
      FleetGauges gauges,
      FleetControl control,
      AlertTriggers alerts) {
    this.config = config;
    this.podMonitorCrd = podMonitorCrd;
    this.aggregator = aggregator;
    this.events = events;
    this.gauges = gauges;
    this.control = control;
    this.alerts = alerts;
  }

  /** Alerts for a fleet reconcile it at once. */
  @Override
  public List<EventSource<?, ChaosFleet>> prepareEventSources(
      EventSourceContext<ChaosFleet> context) {
    return List.of(alerts.eventSource());
  }

  @Override
  public UpdateControl<ChaosFleet> reconcile(ChaosFleet fleet, Context<ChaosFleet> context) {
    var before = JSON.valueToTree(fleet.getStatus());
    var violations = validator.validate(fleet);
    var valid = violations.isEmpty();
    FleetControl.Outcome loop = null;
    if (valid) {
      loop = control.maybeRun(fleet, context);
      FleetPlan.of(fleet, config, podMonitorCrd.present(context.getClient()), events)
          .putInto(context);
      try {
        context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
      } catch (RuntimeException e) {
        if (loop.conditions().isPresent()) {
          // the cycle acted: what it remembers must not be lost with this reconcile
          FleetStatusWriter.write(fleet, fleet.getStatus(), context);
        }
        throw e;
      }
    }
    var seen =
        new FleetObservation(
            fleet,
            violations,
            valid ? Scale.replicas(fleet) : 0,
            valid ? ChaosLevel.current(fleet) : 0.0,
            deployment(context, Names.workers(fleet)),
            deployment(context, Names.loadgen(fleet)),
            loop == null ? Optional.empty() : loop.conditions());
    var previous = fleet.getStatus();
    var status = aggregator.aggregate(seen);
    gauges.record(fleet, status);
    if (!JSON.valueToTree(status).equals(before)) {
      FleetStatusWriter.write(fleet, status, context);
      // told after the write: a write that fails is retried, and its news must not be told twice
      events.transitions(fleet, previous, status);
    }
    if (context.getPrimaryCache().get(ResourceID.fromResource(fleet)).isEmpty()) {
      // deleted while this reconcile ran: what it recorded must not outlive the fleet
      forget(fleet);
    }
    UpdateControl<ChaosFleet> update = UpdateControl.noUpdate();
    return loop == null ? update : update.rescheduleAfter(loop.next());
  }

  /** Forgets what is kept in memory about a fleet that is gone (see {@link FleetStore}). */
  void forget(ChaosFleet fleet) {
    gauges.forget(fleet.getMetadata().getNamespace(), fleet.getMetadata().getName());
    control.forget(fleet);
  }

  private static Deployment deployment(Context<ChaosFleet> context, String name) {
    return context
        .getSecondaryResourcesAsStream(Deployment.class)
        .filter(d -> name.equals(d.getMetadata().getName()))
        .findFirst()
        .orElse(null);
  }
}
