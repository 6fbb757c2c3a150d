package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.kube.Labels.Component;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * traffic.json for the traffic generator (--traffic-file, quarantined workers excluded) and, when
 * the spec sets endpoint profiles, profiles.json for the workers (--profiles).
 */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR))
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
    var status = fleet.getStatus();
    List<String> quarantined =
        status == null || status.getQuarantinedWorkers() == null
            ? List.of()
            : status.getQuarantinedWorkers();
    var data = new LinkedHashMap<String, String>();
    data.put(Names.TRAFFIC_KEY, TrafficFile.render(spec.getTraffic(), quarantined));
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
