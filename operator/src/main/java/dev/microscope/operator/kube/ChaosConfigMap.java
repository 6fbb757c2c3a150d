package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.kube.Labels.Component;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.Map;

/**
 * chaos.json at the fleet's current level: what every worker applies at start (--chaos-file) and
 * again when it changes, so a new or restarted worker joins at the fleet's level.
 */
@KubernetesDependent(
    informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR, itemStore = CompactStore.class))
public class ChaosConfigMap extends UpdatableFleetDependent<ConfigMap> {
  public ChaosConfigMap() {
    super(ConfigMap.class);
  }

  @Override
  protected String name(ChaosFleet fleet) {
    return Names.chaosConfigMap(fleet);
  }

  @Override
  protected ConfigMap desired(FleetPlan plan) {
    var fleet = plan.fleet();
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name(fleet))
        .withNamespace(fleet.getMetadata().getNamespace())
        .withLabels(Labels.of(fleet, Component.CHAOS))
        .endMetadata()
        .withData(
            Map.of(
                Names.CHAOS_KEY, ChaosFile.render(fleet.getSpec().getChaos(), plan.chaosLevel())))
        .build();
  }
}
