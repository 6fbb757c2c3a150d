package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.loop.AdminToken;
import dev.microscope.operator.loop.FleetObserver;
import dev.microscope.operator.loop.FleetRef;
import dev.microscope.operator.loop.FleetSnapshot;
import dev.microscope.operator.loop.MemoryQuantity;
import dev.microscope.operator.loop.WorkerHost;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A fleet as the Kubernetes API shows it: its worker pods (serving and quarantined) and traffic
 * generator pods, found by their labels; the replica count and chaos level the fleet runs at; the
 * admin token from the fleet's Secret; and where Prometheus is.
 */
final class KubeFleetObserver implements FleetObserver {
  private final ChaosFleet fleet;
  private final KubernetesClient client;
  private final Secret adminSecret;
  private final PodAddresses addresses;
  private final OomKills oomKills;
  private final PrometheusTargets prometheus;

  KubeFleetObserver(
      ChaosFleet fleet,
      KubernetesClient client,
      Secret adminSecret,
      PodAddresses addresses,
      OomKills oomKills,
      PrometheusTargets prometheus) {
    this.fleet = fleet;
    this.client = client;
    this.adminSecret = adminSecret;
    this.addresses = addresses;
    this.oomKills = oomKills;
    this.prometheus = prometheus;
  }

  @Override
  public FleetSnapshot observe() {
    var pods = pods();
    var workerPods =
        pods.stream()
            .filter(p -> isComponent(p, Labels.Component.WORKER.value(), Labels.QUARANTINED_WORKER))
            .toList();
    var kills = oomKills.count(ref(fleet), workerPods);
    var spec = fleet.getSpec().getWorkers();
    List<WorkerHost> hosts = new ArrayList<>();
    for (Pod pod : workerPods) {
      var name = pod.getMetadata().getName();
      hosts.add(
          new WorkerHost(
              name,
              addresses.of(pod, spec.getPort()).orElse(null),
              ready(pod),
              isComponent(pod, Labels.QUARANTINED_WORKER),
              startTime(pod),
              kills.getOrDefault(name, 0),
              WorkerHost.workerIds(name, spec.getWorkersPerPod())));
    }
    List<URI> generators =
        pods.stream()
            .filter(p -> isComponent(p, Labels.Component.LOADGEN.value()))
            .map(p -> addresses.of(p, Names.LOADGEN_PORT))
            .flatMap(java.util.Optional::stream)
            .toList();
    return new FleetSnapshot(
        Scale.replicas(fleet),
        hosts,
        generators,
        ChaosLevel.chosen(fleet),
        memoryLimitBytes(),
        adminToken(),
        prometheus.of(fleet));
  }

  static FleetRef ref(ChaosFleet fleet) {
    return new FleetRef(fleet.getMetadata().getNamespace(), fleet.getMetadata().getName());
  }

  /** Every pod of the fleet that is not on its way out; filtered by component here. */
  private List<Pod> pods() {
    return client
        .pods()
        .inNamespace(fleet.getMetadata().getNamespace())
        .withLabels(Labels.scraped(fleet))
        .list()
        .getItems()
        .stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .sorted(java.util.Comparator.comparing(p -> p.getMetadata().getName()))
        .toList();
  }

  private static boolean isComponent(Pod pod, String... components) {
    var labels = pod.getMetadata().getLabels();
    var value = labels == null ? null : labels.get(Labels.COMPONENT);
    return value != null && List.of(components).contains(value);
  }

  private static boolean ready(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static Instant startTime(Pod pod) {
    var start = pod.getStatus() == null ? null : pod.getStatus().getStartTime();
    try {
      return start == null ? null : Instant.parse(start);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /** The memory limit of a worker container now: the control loop's, else the spec's. */
  private long memoryLimitBytes() {
    var resources = WorkerResources.of(fleet);
    var limits = resources == null ? null : resources.getLimits();
    if (limits == null || limits.getMemory() == null) {
      return 0;
    }
    return MemoryQuantity.bytes(limits.getMemory(), "spec.workers.resources.limits.memory");
  }

  private AdminToken adminToken() {
    var data = adminSecret == null ? null : adminSecret.getData();
    var encoded = data == null ? null : data.get(Names.ADMIN_TOKEN_KEY);
    if (encoded == null) {
      return null;
    }
    try {
      return AdminToken.of(
          new String(Base64.getDecoder().decode(encoded), StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
