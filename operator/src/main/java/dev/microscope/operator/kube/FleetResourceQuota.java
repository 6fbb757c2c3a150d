package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.kube.Labels.Component;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.LinkedHashMap;

/** Hard limits for the fleet's namespace, from spec.quota (only while it is set). */
@KubernetesDependent(
    informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR, itemStore = CompactStore.class))
public class FleetResourceQuota extends UpdatableFleetDependent<ResourceQuota> {
  public FleetResourceQuota() {
    super(ResourceQuota.class);
  }

  @Override
  protected String name(ChaosFleet fleet) {
    return Names.quota(fleet);
  }

  @Override
  protected ResourceQuota desired(FleetPlan plan) {
    var fleet = plan.fleet();
    var quota = fleet.getSpec().getQuota();
    var hard = new LinkedHashMap<String, Quantity>();
    if (quota.getCpu() != null) {
      hard.put("limits.cpu", new Quantity(quota.getCpu()));
    }
    if (quota.getMemory() != null) {
      hard.put("limits.memory", new Quantity(quota.getMemory()));
    }
    if (quota.getPods() != null) {
      hard.put("pods", new Quantity(String.valueOf(quota.getPods())));
    }
    return new ResourceQuotaBuilder()
        .withNewMetadata()
        .withName(name(fleet))
        .withNamespace(fleet.getMetadata().getNamespace())
        .withLabels(Labels.of(fleet, Component.QUOTA))
        .endMetadata()
        .withNewSpec()
        .withHard(hard)
        .endSpec()
        .build();
  }
}
