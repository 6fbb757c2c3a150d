package dev.microscope.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ErrorFault;
import dev.microscope.operator.api.v1alpha1.FleetCondition;
import dev.microscope.operator.api.v1alpha1.LatencyFault;
import dev.microscope.operator.api.v1alpha1.QuotaSpec;
import dev.microscope.operator.kube.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One ChaosFleet in a test namespace, seen through an administrator's client: creating and editing
 * it, and reading what the operator and the controllers made of it.
 */
final class FleetUnderTest {
  static final Duration WAIT = Duration.ofSeconds(90);

  /** The operator's field manager: the controller's name. */
  static final String FIELD_MANAGER = "chaosfleet";

  /** How the client's classic (non-apply) updates show in managedFields. */
  static final String CLASSIC_WRITER = "fabric8-kubernetes-client/Update";

  /** Every kind the operator creates for a fleet (a PodMonitor only with its CRD). */
  static final List<Class<? extends HasMetadata>> DEPENDENT_KINDS =
      List.of(
          Deployment.class,
          Service.class,
          Secret.class,
          ConfigMap.class,
          PodDisruptionBudget.class,
          ResourceQuota.class,
          LimitRange.class);

  private final KubernetesClient client;
  private final String namespace;
  private final String name;

  FleetUnderTest(KubernetesClient client, String namespace, String name) {
    this.client = client;
    this.namespace = namespace;
    this.name = name;
  }

  String name() {
    return name;
  }

  /**
   * Creates a valid fleet: two worker pods, latency and error faults, and a quota (so every kind of
   * dependent exists).
   */
  ChaosFleet create() {
    var fleet = ChaosFleet.withDefaultSpec();
    fleet.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
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
    // There is no Prometheus in this tier: one failed poll puts the fleet in safe mode at once,
    // so the control loop's own changes (chaos to zero) are over before anything is checked.
    fleet.getSpec().getPrometheus().setFailureThreshold(1);
    return client.resource(fleet).create();
  }

  ChaosFleet get() {
    return client.resources(ChaosFleet.class).inNamespace(namespace).withName(name).get();
  }

  /**
   * Changes the fleet as a careful user's read-modify-write does: the write carries the
   * resourceVersion it read, and when someone wrote in between (409 Conflict) it reads again.
   */
  ChaosFleet edit(Consumer<ChaosFleet> change) {
    return dev.microscope.operator.kube.UserEdits.edit(client, namespace, name, change);
  }

  void pause() {
    edit(
        f ->
            f.getMetadata()
                .setAnnotations(Map.of(ChaosFleet.PAUSED_ANNOTATION, Boolean.TRUE.toString())));
  }

  FleetCondition condition(String type) {
    var fleet = get();
    assertThat(fleet.getStatus()).as("status of fleet %s", name).isNotNull();
    return fleet.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no condition " + type + " in " + fleet.getStatus()));
  }

  <T extends HasMetadata> T dependent(Class<T> type, String suffix) {
    return client.resources(type).inNamespace(namespace).withName(name + "-" + suffix).get();
  }

  /** Waits until every dependent exists, owned and labelled by the fleet. */
  void awaitDependents() {
    await("dependents of " + name)
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertOwned(dependent(Deployment.class, "workers"));
              assertOwned(dependent(Deployment.class, "loadgen"));
              assertOwned(dependent(Service.class, "workers"));
              assertOwned(dependent(PodDisruptionBudget.class, "workers"));
              assertOwned(dependent(Secret.class, "admin"));
              assertOwned(dependent(ConfigMap.class, "chaos"));
              assertOwned(dependent(ConfigMap.class, "config"));
              assertOwned(dependent(ResourceQuota.class, "quota"));
              assertOwned(dependent(LimitRange.class, "limits"));
            });
  }

  private void assertOwned(HasMetadata resource) {
    assertThat(resource).isNotNull();
    assertThat(resource.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getKind()).isEqualTo("ChaosFleet");
              assertThat(o.getName()).isEqualTo(name);
              assertThat(o.getController()).isTrue();
            });
  }

  /**
   * Every dependent has one writer of its content, the operator, and the controller manager writes
   * at most status: no field-manager fight, no second owner of a field. The operator applies
   * server-side, except ConfigMaps and Secrets, which java-operator-sdk updates the classic way by
   * default (its {@code defaultNonSSAResources}).
   */
  void assertOnlyTheOperatorWritesDependents() {
    for (var resource : dependents()) {
      var writers =
          resource.getMetadata().getManagedFields().stream()
              .filter(f -> f.getSubresource() == null || f.getSubresource().isEmpty())
              .map(f -> f.getManager() + "/" + f.getOperation())
              .toList();
      var expected =
          resource instanceof ConfigMap || resource instanceof Secret
              ? CLASSIC_WRITER
              : FIELD_MANAGER + "/Apply";
      assertThat(writers)
          .as("writers of %s %s", resource.getKind(), resource.getMetadata().getName())
          .containsExactly(expected);
    }
  }

  /** The operator's objects of this fleet, found by the fleet label. */
  List<HasMetadata> dependents() {
    return DEPENDENT_KINDS.stream()
        .<HasMetadata>flatMap(
            kind ->
                client
                    .resources(kind)
                    .inNamespace(namespace)
                    .withLabel(Labels.FLEET, name)
                    .list()
                    .getItems()
                    .stream())
        .toList();
  }

  /** Reasons and messages of the fleet's events. */
  List<String> events() {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .map(e -> e.getReason() + ": " + e.getMessage())
        .toList();
  }

  List<String> events(String reason) {
    return events().stream().filter(e -> e.startsWith(reason + ": ")).toList();
  }

  /**
   * Waits until nothing the operator writes changes for {@code quiet}: the fleet (its status), the
   * spec of every dependent (generation) and what the operator last applied to it, and the events.
   * An endless reconcile loop or a field-manager fight never gets there.
   */
  void awaitSettled(Duration quiet) {
    var last = new AtomicReference<Map<String, String>>(Map.of());
    var since = new AtomicReference<>(Instant.now());
    await("fleet " + name + " settles for " + quiet)
        .atMost(quiet.plus(WAIT))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              var now = writes();
              if (!now.equals(last.get())) {
                last.set(now);
                since.set(Instant.now());
              }
              return Duration.between(since.get(), Instant.now()).compareTo(quiet) >= 0;
            });
  }

  private Map<String, String> writes() {
    var writes = new TreeMap<String, String>();
    writes.put("fleet", get().getMetadata().getResourceVersion());
    writes.put("events", String.valueOf(events().size()));
    for (var resource : dependents()) {
      var meta = resource.getMetadata();
      var applied =
          meta.getManagedFields().stream()
              .filter(f -> f.getSubresource() == null || f.getSubresource().isEmpty())
              .map(f -> f.getManager() + "@" + f.getTime())
              .toList();
      writes.put(resource.getKind() + "/" + meta.getName(), meta.getGeneration() + " " + applied);
    }
    return writes;
  }

  /** Deletes the fleet and waits until it and everything it owned are gone. */
  void deleteAndAwaitCollected() {
    client.resource(get()).delete();
    await("fleet " + name + " deleted").atMost(WAIT).until(() -> get() == null);
    await("garbage collector removes what fleet " + name + " owned")
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(dependents()).isEmpty();
              assertThat(labelled(ReplicaSet.class)).isEmpty();
              assertThat(labelled(Pod.class)).isEmpty();
            });
  }

  <T extends HasMetadata> List<T> labelled(Class<T> type) {
    return client
        .resources(type)
        .inNamespace(namespace)
        .withLabel(Labels.FLEET, name)
        .list()
        .getItems();
  }
}
