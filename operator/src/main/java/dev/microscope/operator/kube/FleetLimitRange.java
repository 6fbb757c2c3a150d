package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.kube.Labels.Component;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.LimitRangeItemBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * Default requests and limits for containers of the namespace that set none, from spec.quota: with
 * a ResourceQuota on limits, a container without limits could not start at all.
 */
@KubernetesDependent(
    informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR, itemStore = CompactStore.class))
public class FleetLimitRange extends UpdatableFleetDependent<LimitRange> {
  public FleetLimitRange() {
    super(LimitRange.class);
  }

  @Override
  protected String name(ChaosFleet fleet) {
    return Names.limitRange(fleet);
  }

  @Override
  protected LimitRange desired(FleetPlan plan) {
    var fleet = plan.fleet();
    var quota = fleet.getSpec().getQuota();
    var item =
        new LimitRangeItemBuilder()
            .withType("Container")
            .withDefaultRequest(Resources.quantities(quota.getDefaultRequests()))
            .withDefault(Resources.quantities(quota.getDefaultLimits()))
            .build();
    return new LimitRangeBuilder()
        .withNewMetadata()
        .withName(name(fleet))
        .withNamespace(fleet.getMetadata().getNamespace())
        .withLabels(Labels.of(fleet, Component.QUOTA))
        .endMetadata()
        .withNewSpec()
        .withLimits(item)
        .endSpec()
        .build();
  }
}
