package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/** Quota objects exist only while spec.quota is set; removing it deletes them. */
public class QuotaRequested implements Condition<HasMetadata, ChaosFleet> {
  @Override
  public boolean isMet(
      DependentResource<HasMetadata, ChaosFleet> dependent,
      ChaosFleet fleet,
      Context<ChaosFleet> context) {
    return fleet.getSpec().getQuota() != null;
  }
}
