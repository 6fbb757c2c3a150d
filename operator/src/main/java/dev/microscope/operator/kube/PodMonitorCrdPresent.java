package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Activates the PodMonitor only where the Prometheus Operator's CRD exists. Reads the plan's answer
 * so the PodMonitor and the pods' prometheus.io annotations never disagree.
 */
public class PodMonitorCrdPresent implements Condition<PodMonitor, ChaosFleet> {
  @Override
  public boolean isMet(
      DependentResource<PodMonitor, ChaosFleet> dependent,
      ChaosFleet fleet,
      Context<ChaosFleet> context) {
    return FleetPlan.from(context).podMonitors();
  }
}
