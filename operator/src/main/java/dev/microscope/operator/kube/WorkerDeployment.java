package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.kube.Labels.Component;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The worker pods: {@code worker} command of the worker image, per docs/contract.md. */
@KubernetesDependent(
    informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR, itemStore = CompactStore.class))
public class WorkerDeployment extends UpdatableFleetDependent<Deployment> {
  public WorkerDeployment() {
    super(Deployment.class);
  }

  @Override
  protected String name(ChaosFleet fleet) {
    return Names.workers(fleet);
  }

  @Override
  protected Deployment desired(FleetPlan plan) {
    var fleet = plan.fleet();
    var workers = fleet.getSpec().getWorkers();
    var container =
        new ContainerBuilder()
            .withName("worker")
            .withImage(plan.image())
            .withImagePullPolicy(workers.getImagePullPolicy().kubernetesValue())
            .withArgs(args(fleet))
            .withEnv(env(fleet))
            .addNewPort()
            .withName(Names.HTTP_PORT_NAME)
            .withContainerPort(workers.getPort())
            .withProtocol("TCP")
            .endPort()
            .withResources(Resources.of(WorkerResources.of(fleet)))
            .withSecurityContext(PodSecurity.container())
            .withReadinessProbe(Probes.health(workers.getPort(), 3))
            .withLivenessProbe(Probes.health(workers.getPort(), 6))
            .withVolumeMounts(PodVolumes.workerMounts(fleet))
            .build();
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name(fleet))
        .withNamespace(fleet.getMetadata().getNamespace())
        .withLabels(Labels.of(fleet, Component.WORKER))
        .endMetadata()
        .withNewSpec()
        .withReplicas(plan.replicas())
        .withNewSelector()
        .withMatchLabels(Labels.selector(fleet, Component.WORKER))
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(Labels.of(fleet, Component.WORKER))
        .withAnnotations(podAnnotations(plan, workers.getPort()))
        .endMetadata()
        .withNewSpec()
        .withAutomountServiceAccountToken(false)
        .withEnableServiceLinks(false)
        .withSecurityContext(PodSecurity.pod())
        .withTerminationGracePeriodSeconds(30L)
        .withContainers(container)
        .withVolumes(PodVolumes.workerVolumes(fleet))
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  @Override
  protected void onUpdated(
      ChaosFleet primary, Deployment updated, Deployment actual, Context<ChaosFleet> context) {
    super.onUpdated(primary, updated, actual, context);
    Integer before = actual.getSpec().getReplicas();
    Integer after = updated.getSpec().getReplicas();
    if (before != null && !before.equals(after)) {
      FleetPlan.from(context)
          .events()
          .normal(primary, "Scaled", "Scaled worker pods from " + before + " to " + after);
    }
  }

  static List<String> args(ChaosFleet fleet) {
    var workers = fleet.getSpec().getWorkers();
    var args = new ArrayList<String>();
    args.add("worker");
    add(args, "--port", workers.getPort());
    add(args, "--fleet", fleet.getMetadata().getName());
    add(args, "--workers", workers.getWorkersPerPod());
    add(args, "--concurrency", workers.getConcurrency());
    add(args, "--queue", workers.getQueue());
    add(args, "--time-scale", workers.getTimeScale());
    add(args, "--admin-token-file", Names.ADMIN_TOKEN_FILE);
    add(args, "--chaos-file", Names.CHAOS_FILE);
    if (workers.getProfiles() != null) {
      add(args, "--profiles", Names.PROFILES_FILE);
    }
    var seed = fleet.getSpec().getChaos().getSeed();
    if (seed != null) {
      add(args, "--seed", seed);
    }
    return args;
  }

  private static void add(List<String> args, String flag, Object value) {
    args.add(flag);
    args.add(String.valueOf(value));
  }

  private static List<EnvVar> env(ChaosFleet fleet) {
    var env = new ArrayList<EnvVar>();
    // The worker id comes from the pod name (contract: --id, else POD_NAME).
    env.add(
        new EnvVarBuilder()
            .withName("POD_NAME")
            .withNewValueFrom()
            .withNewFieldRef()
            // the API server fills in v1; saying it keeps the desired state equal to the stored one
            .withApiVersion("v1")
            .withFieldPath("metadata.name")
            .endFieldRef()
            .endValueFrom()
            .build());
    WorkerResources.workerJvmOptions(fleet)
        .ifPresent(
            options ->
                env.add(
                    new EnvVarBuilder().withName("JAVA_TOOL_OPTIONS").withValue(options).build()));
    return env;
  }

  /**
   * Without the Prometheus Operator, the conventional annotations tell a Prometheus with Kubernetes
   * service discovery what to scrape; with it, the PodMonitor does.
   */
  static Map<String, String> podAnnotations(FleetPlan plan, int port) {
    var annotations = new LinkedHashMap<String, String>();
    if (!plan.podMonitors()) {
      annotations.put("prometheus.io/scrape", "true");
      annotations.put("prometheus.io/port", String.valueOf(port));
      annotations.put("prometheus.io/path", "/metrics");
    }
    return annotations;
  }
}
