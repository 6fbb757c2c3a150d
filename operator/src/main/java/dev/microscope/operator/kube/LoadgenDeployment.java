package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.kube.Labels.Component;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.List;

/**
 * The traffic generator: {@code loadgen} command of the worker image. One pod; with traffic
 * switched off it stays up and idle, so its admin API keeps answering.
 */
@KubernetesDependent(
    informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR, itemStore = CompactStore.class))
public class LoadgenDeployment extends UpdatableFleetDependent<Deployment> {
  public LoadgenDeployment() {
    super(Deployment.class);
  }

  @Override
  protected String name(ChaosFleet fleet) {
    return Names.loadgen(fleet);
  }

  @Override
  protected Deployment desired(FleetPlan plan) {
    var fleet = plan.fleet();
    var container =
        new ContainerBuilder()
            .withName("loadgen")
            .withImage(plan.image())
            .withImagePullPolicy(
                fleet.getSpec().getWorkers().getImagePullPolicy().kubernetesValue())
            .withArgs(args(fleet))
            .addNewPort()
            .withName(Names.HTTP_PORT_NAME)
            .withContainerPort(Names.LOADGEN_PORT)
            .withProtocol("TCP")
            .endPort()
            .withResources(Resources.of(WorkerResources.loadgen(fleet)))
            .withSecurityContext(PodSecurity.container())
            .withReadinessProbe(Probes.health(Names.LOADGEN_PORT, 3))
            .withLivenessProbe(Probes.health(Names.LOADGEN_PORT, 6))
            .withVolumeMounts(PodVolumes.loadgenMounts())
            .build();
    // only in constraints mode: an empty env would differ from what the API server stores
    WorkerResources.loadgenJvmOptions(fleet)
        .ifPresent(
            o ->
                container.setEnv(
                    List.of(
                        new EnvVarBuilder().withName("JAVA_TOOL_OPTIONS").withValue(o).build())));
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name(fleet))
        .withNamespace(fleet.getMetadata().getNamespace())
        .withLabels(Labels.of(fleet, Component.LOADGEN))
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withNewSelector()
        .withMatchLabels(Labels.selector(fleet, Component.LOADGEN))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Labels.of(fleet, Component.LOADGEN))
        .withAnnotations(WorkerDeployment.podAnnotations(plan, Names.LOADGEN_PORT))
        .endMetadata()
        .withNewSpec()
        .withAutomountServiceAccountToken(false)
        .withEnableServiceLinks(false)
        .withSecurityContext(PodSecurity.pod())
        .withContainers(container)
        .withVolumes(PodVolumes.loadgenVolumes(fleet))
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  static List<String> args(ChaosFleet fleet) {
    return List.of(
        "loadgen",
        "--port",
        String.valueOf(Names.LOADGEN_PORT),
        "--fleet",
        fleet.getMetadata().getName(),
        "--targets-dns",
        Names.workersDns(fleet),
        "--traffic-file",
        Names.TRAFFIC_FILE,
        "--admin-token-file",
        Names.ADMIN_TOKEN_FILE);
  }
}
