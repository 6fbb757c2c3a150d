package dev.microscope.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.control.ActionType;
import dev.microscope.operator.control.Decision;
import dev.microscope.operator.loop.ActuationException;
import dev.microscope.operator.loop.WorkerHost;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Kubernetes actuator against fabric8's mock API server. */
class KubeActuatorTest {
  private static final String NS = "team-a";

  private MockCluster cluster;
  private ChaosFleet fleet;
  private KubeActuator actuator;

  @BeforeEach
  void start() {
    cluster = new MockCluster();
    fleet = cluster.client().resource(TestFleets.fleet("demo")).create();
    actuator =
        new KubeActuator(
            fleet,
            cluster.client(),
            new FleetEvents(cluster.client(), TestFleets.CLOCK),
            TestFleets.CLOCK);
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void quarantineTakesThePodOutOfTheDeploymentAndTheServiceButKeepsItRunningAndOwned()
      throws Exception {
    pod("demo-workers-a");
    pod("demo-workers-b");

    actuator.quarantine(host("demo-workers-a"));

    var pod = pods().withName("demo-workers-a").get();
    assertThat(pod.getMetadata().getLabels())
        .containsEntry(Labels.COMPONENT, Labels.QUARANTINED_WORKER);
    assertThat(pod.getMetadata().getAnnotations())
        .containsEntry(Labels.QUARANTINED_AT, "2025-01-01T00:00:00Z");
    assertThat(pod.getMetadata().getOwnerReferences())
        .anySatisfy(
            o -> {
              assertThat(o.getUid()).isEqualTo(fleet.getMetadata().getUid());
              assertThat(o.getController()).isFalse();
            })
        .anySatisfy(o -> assertThat(o.getKind()).isEqualTo("ReplicaSet"));
    // the Deployment's and the Service's selector (the same labels) no longer match it, so its
    // ReplicaSet starts a replacement and DNS discovery drops it
    assertThat(names(Labels.selector(fleet, Labels.Component.WORKER)))
        .containsExactly("demo-workers-b");
    // Prometheus still scrapes it: the evidence keeps coming
    assertThat(names(Labels.scraped(fleet))).contains("demo-workers-a", "demo-workers-b");
  }

  @Test
  void replaceAndRetireDeleteThePod() throws Exception {
    pod("demo-workers-a");
    pod("demo-workers-b");
    actuator.replace(host("demo-workers-a"));
    actuator.retire(host("demo-workers-b"));
    assertThat(pods().list().getItems()).isEmpty();
  }

  @Test
  void aPodAlreadyGoneIsNoFailureToDeleteButOneToQuarantine() throws Exception {
    actuator.replace(host("demo-workers-gone"));
    assertThatThrownBy(() -> actuator.quarantine(host("demo-workers-gone")))
        .isInstanceOf(ActuationException.class)
        .hasMessageContaining("demo-workers-gone");
  }

  @Test
  void notifyIsAWarningEvent() {
    actuator.notify(
        new Decision(
            Instant.EPOCH,
            "poll",
            "label-explosion",
            Map.of(),
            null,
            ActionType.NOTIFY,
            "demo-workers-a",
            Map.of("message", "scrape target exposes 20000 series"),
            false,
            Decision.Outcome.PLANNED,
            "series count above the limit"));
    var events = cluster.client().v1().events().inNamespace(NS).list().getItems();
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getType()).isEqualTo("Warning");
              assertThat(e.getReason()).isEqualTo("Notify");
              assertThat(e.getMessage()).contains("20000 series").contains("label-explosion");
            });
  }

  private void pod(String name) {
    pods()
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NS)
                .withLabels(Labels.of(fleet, Labels.Component.WORKER))
                .withOwnerReferences(
                    new OwnerReferenceBuilder()
                        .withApiVersion("apps/v1")
                        .withKind("ReplicaSet")
                        .withName("demo-workers-5d8f")
                        .withUid("rs-uid")
                        .withController(true)
                        .build())
                .endMetadata()
                .build())
        .create();
  }

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
          Pod,
          io.fabric8.kubernetes.api.model.PodList,
          io.fabric8.kubernetes.client.dsl.PodResource>
      pods() {
    return cluster.client().pods().inNamespace(NS);
  }

  private List<String> names(Map<String, String> selector) {
    return pods().withLabels(selector).list().getItems().stream()
        .map(p -> p.getMetadata().getName())
        .sorted()
        .toList();
  }

  private static WorkerHost host(String name) {
    return new WorkerHost(name, null, true, false, null, 0, List.of(name));
  }
}
