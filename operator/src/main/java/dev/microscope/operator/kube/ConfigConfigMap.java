package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.kube.Labels.Component;
import dev.microscope.operator.loop.DesiredTraffic;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.LinkedHashMap;

/**
 * traffic.json for the traffic generator (--traffic-file): the same document the control loop sends
 * to its admin API ({@link DesiredTraffic}, quarantined workers excluded) and, when the spec sets
 * endpoint profiles, profiles.json for the workers (--profiles).
 */
@KubernetesDependent(
    informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR, itemStore = CompactStore.class))
public class ConfigConfigMap extends UpdatableFleetDependent<ConfigMap> {
  public ConfigConfigMap() {
    super(ConfigMap.class);
  }

  @Override
  protected String name(ChaosFleet fleet) {
    return Names.configConfigMap(fleet);
  }

  @Override
  protected ConfigMap desired(FleetPlan plan) {
    var fleet = plan.fleet();
    var spec = fleet.getSpec();
    var data = new LinkedHashMap<String, String>();
    data.put(Names.TRAFFIC_KEY, DesiredTraffic.of(spec, fleet.getStatus()).json());
    if (spec.getWorkers().getProfiles() != null) {
      data.put(Names.PROFILES_KEY, ProfilesFile.render(spec.getWorkers().getProfiles()));
    }
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name(fleet))
        .withNamespace(fleet.getMetadata().getNamespace())
        .withLabels(Labels.of(fleet, Component.CONFIG))
        .endMetadata()
        .withData(data)
        .build();
  }
}
