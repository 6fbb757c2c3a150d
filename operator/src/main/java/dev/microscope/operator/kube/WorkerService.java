package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.kube.Labels.Component;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * Headless Service of the workers: its DNS name resolves to every ready worker pod, which is how
 * the traffic generator finds them (--targets-dns).
 */
@KubernetesDependent(
    informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR, itemStore = CompactStore.class))
public class WorkerService extends UpdatableFleetDependent<Service> {
  public WorkerService() {
    super(Service.class);
  }

  @Override
  protected String name(ChaosFleet fleet) {
    return Names.workers(fleet);
  }

  @Override
  protected Service desired(FleetPlan plan) {
    var fleet = plan.fleet();
    int port = fleet.getSpec().getWorkers().getPort();
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name(fleet))
        .withNamespace(fleet.getMetadata().getNamespace())
        .withLabels(Labels.of(fleet, Component.WORKER))
        .endMetadata()
        .withNewSpec()
        .withClusterIP("None")
        .withSelector(Labels.selector(fleet, Component.WORKER))
        .addNewPort()
        .withName(Names.HTTP_PORT_NAME)
        .withPort(port)
        .withTargetPort(new IntOrString(Names.HTTP_PORT_NAME))
        .withProtocol("TCP")
        .endPort()
        .endSpec()
        .build();
  }
}
