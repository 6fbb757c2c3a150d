package dev.microscope.operator.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ErrorFault;
import dev.microscope.operator.api.v1alpha1.FleetCondition;
import dev.microscope.operator.api.v1alpha1.LatencyFault;
import dev.microscope.operator.api.v1alpha1.QuotaSpec;
import dev.microscope.operator.kube.Conditions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The flows of the reconciler tests, from the user's side: create a fleet (with a quota, where the
 * PodMonitor CRD exists), its pods come up, change it (the quota goes away), pause it, delete it.
 * The operator does what it does in a cluster meanwhile; the recording sees its calls.
 */
final class FleetLifecycle {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String NAME = "demo";

  private final KubernetesClient client;
  private final String namespace;

  FleetLifecycle(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  void run() {
    client.resource(fleet()).create();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(get(PodMonitor.class, "demo-workers")).isNotNull();
              assertThat(get(PrometheusRule.class, "demo-slo")).isNotNull();
              assertThat(get(LimitRange.class, "demo-limits")).isNotNull();
              assertThat(get(Deployment.class, "demo-workers")).isNotNull();
              assertThat(get(Deployment.class, "demo-loadgen")).isNotNull();
            });
    markReady("demo-workers", 2);
    markReady("demo-loadgen", 1);
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(condition(Conditions.READY)).isEqualTo("True"));

    edit(
        f -> {
          f.getSpec().setQuota(null);
          f.getSpec().getWorkers().getReplicas().setMin(3);
        });
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(get(ResourceQuota.class, "demo-quota")).isNull();
              assertThat(get(LimitRange.class, "demo-limits")).isNull();
              assertThat(get(Deployment.class, "demo-workers").getSpec().getReplicas())
                  .isEqualTo(3);
            });

    edit(f -> f.getMetadata().setAnnotations(Map.of(ChaosFleet.PAUSED_ANNOTATION, "true")));
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(condition(Conditions.PAUSED)).isEqualTo("True"));

    client.resources(ChaosFleet.class).inNamespace(namespace).withName(NAME).delete();
    await().atMost(WAIT).untilAsserted(() -> assertThat(get(ChaosFleet.class, NAME)).isNull());
  }

  private ChaosFleet fleet() {
    var fleet = ChaosFleet.withDefaultSpec();
    fleet.setMetadata(new ObjectMetaBuilder().withName(NAME).withNamespace(namespace).build());
    var latency = new LatencyFault();
    latency.setProbability(0.5);
    latency.setMinMs(100);
    latency.setMaxMs(800);
    fleet.getSpec().getChaos().setLatency(latency);
    var errors = new ErrorFault();
    errors.setRate(0.2);
    fleet.getSpec().getChaos().setErrors(errors);
    var quota = new QuotaSpec();
    quota.setPods(20);
    quota.setMemory("4Gi");
    fleet.getSpec().setQuota(quota);
    return fleet;
  }

  private <T extends HasMetadata> T get(Class<T> type, String name) {
    return client.resources(type).inNamespace(namespace).withName(name).get();
  }

  private String condition(String type) {
    var fleet = get(ChaosFleet.class, NAME);
    assertThat(fleet.getStatus()).isNotNull();
    return fleet.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .map(FleetCondition::getStatus)
        .findFirst()
        .orElse("absent");
  }

  private void edit(Consumer<ChaosFleet> change) {
    retryingConflicts(
        () ->
            client
                .resources(ChaosFleet.class)
                .inNamespace(namespace)
                .withName(NAME)
                .edit(
                    f -> {
                      change.accept(f);
                      return f;
                    }));
  }

  /** What the kubelet would report once the pods run. */
  private void markReady(String deployment, int replicas) {
    retryingConflicts(
        () -> {
          var d = get(Deployment.class, deployment);
          d.setStatus(
              new DeploymentStatusBuilder()
                  .withReplicas(replicas)
                  .withReadyReplicas(replicas)
                  .withUpdatedReplicas(replicas)
                  .withAvailableReplicas(replicas)
                  .withObservedGeneration(d.getMetadata().getGeneration())
                  .build());
          client.resource(d).updateStatus();
        });
  }

  /** A write that raced the operator's own (409 Conflict) is done again on a fresh read. */
  private static void retryingConflicts(Runnable write) {
    await()
        .atMost(WAIT)
        .ignoreExceptionsMatching(
            e -> e instanceof KubernetesClientException k && k.getCode() == 409)
        .until(
            () -> {
              write.run();
              return true;
            });
  }
}
