package dev.microscope.operator.kube;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.loop.AlertmanagerWebhook;
import dev.microscope.operator.loop.FleetRef;
import dev.microscope.operator.loop.WebhookToken;
import dev.microscope.operator.observability.HealthServer;
import dev.microscope.operator.observability.OperatorMetrics;
import dev.microscope.testkit.AlertmanagerServer;
import dev.microscope.testkit.FreePorts;
import dev.microscope.testkit.PrometheusServer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The operator in-process against fabric8's mock API server (CRUD mode, server-side apply off),
 * with a real Prometheus (1 s scrape and evaluation, the project's rule files) and a real
 * Alertmanager that sends to the operator's webhook. Workers and traffic generators are real
 * processes of the shaded worker jar on loopback; a mock pod stands for each, and the operator
 * reaches a pod's process through {@link PodAddresses}. A pod deleted in the mock server has its
 * process stopped, as a kubelet would, after its resident memory is noted.
 */
final class LoopHarness implements AutoCloseable {
  static final String WEBHOOK_TOKEN = "webhook-secret-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A pod's deletion as the stand-in kubelet saw it. */
  record Deletion(String namespace, String pod, Instant at, double residentBytes) {}

  private final Path dir;
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final Map<String, WorkerJar> processes = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> targets = new ConcurrentHashMap<>();
  private final List<WorkerJar> started = new CopyOnWriteArrayList<>();
  private final List<Deletion> deletions = new CopyOnWriteArrayList<>();
  private final List<Instant> alertsReceived = new CopyOnWriteArrayList<>();
  private final MockCluster cluster;
  private final OperatorMetrics metrics = new OperatorMetrics("test");
  private final AlertTriggers alerts = new AlertTriggers();
  private final Path targetsFile;
  private HealthServer http;
  private PrometheusServer prometheus;
  private Operator operator;
  private Watch kubelet;

  private LoopHarness(Path dir) {
    this.dir = dir;
    this.targetsFile = dir.resolve("targets.json");
    this.cluster = new MockCluster();
    closeables.add(cluster);
  }

  static LoopHarness start(Path dir, Set<String> namespaces) throws IOException {
    var harness = new LoopHarness(dir);
    try {
      harness.startServers(namespaces);
    } catch (RuntimeException | IOException e) {
      harness.close();
      throw e;
    }
    return harness;
  }

  private void startServers(Set<String> namespaces) throws IOException {
    Files.createDirectories(dir);
    writeTargets();
    var tokenFile = dir.resolve("webhook-token");
    Files.writeString(tokenFile, WEBHOOK_TOKEN + "\n");
    AlertmanagerWebhook webhook =
        new AlertmanagerWebhook(
            Optional.of(WebhookToken.fromFile(tokenFile)),
            (fleet, names) -> {
              alertsReceived.add(Instant.now());
              return alerts.alert(fleet, names);
            });
    http =
        HealthServer.start(
            new InetSocketAddress("127.0.0.1", FreePorts.next()),
            metrics::scrape,
            () -> true,
            () -> operator != null,
            Map.of("/alertmanager", webhook));
    closeables.add(http);
    var alertmanager =
        AlertmanagerServer.start(dir.resolve("alertmanager"), alertmanagerYaml(tokenFile));
    closeables.add(alertmanager);
    var rules =
        Path.of(System.getProperty("microscope.repositoryRoot", "..")).resolve("prometheus-rules");
    var testRules = dir.resolve("test-alerts.yml");
    Files.writeString(testRules, TEST_ALERTS);
    prometheus =
        PrometheusServer.builder(dir.resolve("prometheus"))
            .ruleFile(rules.resolve("slo.rules.yml"))
            .ruleFile(rules.resolve("workers.rules.yml"))
            .ruleFile(rules.resolve("platform.rules.yml"))
            .ruleFile(rules.resolve("alerts.yml"))
            .ruleFile(testRules)
            .alertmanager(alertmanager.hostPort())
            .fileSdJob("microscope", targetsFile)
            .rawScrapeConfig(
                "  - job_name: \"operator\"\n"
                    + "    honor_labels: true\n"
                    + "    static_configs:\n"
                    + "      - targets: [\"127.0.0.1:"
                    + http.port()
                    + "\"]\n")
            .start();
    closeables.add(prometheus);
    var options =
        new FleetOperator.Options(
                new OperatorConfig("microscope/worker:test", prometheus.url()),
                namespaces,
                Optional.empty(),
                false,
                Clock.systemUTC())
            .withAddresses(this::address);
    operator =
        FleetOperator.create(
            cluster.client(),
            options,
            new FleetOperator.Meters(metrics.josdk(), metrics.fleets(), metrics.control()),
            alerts);
    operator.start();
    kubelet = cluster.client().pods().inAnyNamespace().watch(new Kubelet());
  }

  /**
   * A test alert that fires without delay on a fast burn, like MicroscopeErrorBudgetBurnFast, for
   * the fleets of namespace {@code alerting} only (the others show what polling does alone).
   */
  private static final String TEST_ALERTS =
      """
      groups:
        - name: test-alerts
          rules:
            - alert: TestFastBurn
              expr: |
                namespace_fleet:microscope_availability_error_budget_burn:ratio_rate5m{namespace="alerting"} > 14.4
                and namespace_fleet:microscope_availability_error_budget_burn:ratio_rate1h{namespace="alerting"} > 14.4
              labels:
                severity: page
      """;

  private String alertmanagerYaml(Path tokenFile) {
    return """
        route:
          receiver: operator
          group_by: [namespace, fleet, alertname]
          group_wait: 0s
          group_interval: 1s
          repeat_interval: 1h
        receivers:
          - name: operator
            webhook_configs:
              - url: http://127.0.0.1:%d/alertmanager
                send_resolved: true
                http_config:
                  authorization:
                    type: Bearer
                    credentials_file: %s
        """
        .formatted(http.port(), tokenFile.toAbsolutePath());
  }

  KubernetesClient client() {
    return cluster.client();
  }

  PrometheusServer prometheus() {
    return prometheus;
  }

  String scrapeOperator() {
    return metrics.scrape();
  }

  int httpPort() {
    return http.port();
  }

  List<Deletion> deletions() {
    return List.copyOf(deletions);
  }

  List<Instant> alertsReceived() {
    return List.copyOf(alertsReceived);
  }

  ChaosFleet create(ChaosFleet fleet) {
    return client().resource(fleet).create();
  }

  ChaosFleet fleet(String namespace, String name) {
    return client().resources(ChaosFleet.class).inNamespace(namespace).withName(name).get();
  }

  /** Changes a fleet as a user would (see {@link UserEdits}). */
  void edit(String namespace, String name, java.util.function.Consumer<ChaosFleet> change) {
    UserEdits.edit(client(), namespace, name, change);
  }

  /** Waits for the fleet's admin Secret and writes its token where workers read it. */
  Path adminTokenFile(ChaosFleet fleet) throws IOException {
    var meta = fleet.getMetadata();
    var secret =
        await("admin Secret of " + meta.getName())
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    client()
                        .secrets()
                        .inNamespace(meta.getNamespace())
                        .withName(Names.adminSecret(fleet))
                        .get(),
                s -> s != null);
    return writeToken(secret, meta.getNamespace() + "-" + meta.getName());
  }

  private Path writeToken(Secret secret, String name) throws IOException {
    var token =
        new String(
            Base64.getDecoder().decode(secret.getData().get(Names.ADMIN_TOKEN_KEY)),
            StandardCharsets.US_ASCII);
    var file = dir.resolve(name + ".token");
    Files.writeString(file, token);
    return file;
  }

  static String token(Path tokenFile) {
    try {
      return Files.readString(tokenFile).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Starts a worker process named like a pod of the fleet and waits until its memory is steady (as
   * a pod that passed its readiness probe a while ago). The operator sees it once {@link #serve}d.
   */
  WorkerJar startWorker(
      ChaosFleet fleet, String pod, Path tokenFile, int heapMb, List<String> flags)
      throws IOException {
    var args =
        new ArrayList<>(
            List.of(
                "--id", pod,
                "--fleet", fleet.getMetadata().getName(),
                "--admin-token-file", tokenFile.toString(),
                "--profiles", profiles().toString(),
                "--seed", "7"));
    args.addAll(flags);
    var worker = WorkerJar.start(dir.resolve("processes"), pod, "worker", heapMb, args);
    started.add(worker);
    return worker.awaitSteadyMemory();
  }

  /**
   * Puts workers into service at once: each gets its ready mock pod and is scraped by Prometheus
   * with the labels a PodMonitor gives it.
   */
  void serve(ChaosFleet fleet, WorkerJar... workers) throws IOException {
    for (var worker : workers) {
      register(fleet, worker.name(), worker, Labels.Component.WORKER);
    }
  }

  /** Starts a traffic generator for the fleet's workers and creates its ready mock pod. */
  WorkerJar startLoadgen(ChaosFleet fleet, String pod, Path tokenFile, List<WorkerJar> workers)
      throws IOException {
    var worker =
        WorkerJar.start(
            dir.resolve("processes"),
            pod,
            "loadgen",
            96,
            List.of(
                "--fleet",
                fleet.getMetadata().getName(),
                "--admin-token-file",
                tokenFile.toString(),
                "--targets",
                String.join(",", workers.stream().map(WorkerJar::hostPort).toList()),
                "--rate",
                "20",
                "--mix",
                "/api/users=70,/api/orders=30,/api/slow=0",
                "--seed",
                "7"));
    started.add(worker);
    register(fleet, pod, worker, Labels.Component.LOADGEN);
    return worker;
  }

  private void register(ChaosFleet fleet, String pod, WorkerJar process, Labels.Component component)
      throws IOException {
    var namespace = fleet.getMetadata().getNamespace();
    processes.put(namespace + "/" + pod, process);
    targets.put(process.hostPort(), Map.of("namespace", namespace, "pod", pod));
    writeTargets();
    createReadyPod(fleet, pod, component);
  }

  private void createReadyPod(ChaosFleet fleet, String name, Labels.Component component) {
    var namespace = fleet.getMetadata().getNamespace();
    var pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .withLabels(Labels.of(fleet, component))
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName(component.value())
            .withImage("microscope/worker:test")
            .endContainer()
            .endSpec()
            .build();
    var created = client().pods().inNamespace(namespace).resource(pod).create();
    created.setStatus(
        new io.fabric8.kubernetes.api.model.PodStatusBuilder()
            .withPhase("Running")
            .withPodIP("127.0.0.1")
            .withStartTime(Instant.now().toString())
            .withConditions(new PodConditionBuilder().withType("Ready").withStatus("True").build())
            .build());
    client().pods().inNamespace(namespace).resource(created).updateStatus();
  }

  /** Where a mock pod's process answers: its own loopback port. */
  private Optional<URI> address(Pod pod, int port) {
    var process =
        processes.get(pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName());
    return process == null || !process.isAlive() ? Optional.empty() : Optional.of(process.base());
  }

  /**
   * Endpoint profiles without errors and within the latency SLO: a healthy fleet unless chaos says
   * otherwise. Latencies of tens of milliseconds keep the client's overhead small against them, so
   * the liar score compares like with like.
   */
  private Path profiles() throws IOException {
    var file = dir.resolve("profiles.json");
    if (!Files.exists(file)) {
      Files.writeString(
          file,
          """
          {"endpoints": {
            "/api/users": {"minMs": 50, "maxMs": 150, "errorRate": 0},
            "/api/orders": {"minMs": 50, "maxMs": 150, "errorRate": 0},
            "/api/slow": {"minMs": 50, "maxMs": 150, "errorRate": 0}}}
          """);
    }
    return file;
  }

  private void writeTargets() throws IOException {
    var groups = new ArrayList<Map<String, Object>>();
    targets.forEach(
        (hostPort, labels) -> {
          var group = new LinkedHashMap<String, Object>();
          group.put("targets", List.of(hostPort));
          group.put("labels", labels);
          groups.add(group);
        });
    var tmp = dir.resolve("targets.json.tmp");
    Files.writeString(tmp, JSON.writeValueAsString(groups));
    Files.move(
        tmp,
        targetsFile,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** What a kubelet does when a pod is deleted: stops its process (after noting its memory). */
  private final class Kubelet implements Watcher<Pod> {
    @Override
    public void eventReceived(Action action, Pod pod) {
      if (action != Action.DELETED) {
        return;
      }
      var key = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
      var process = processes.remove(key);
      if (process == null) {
        return;
      }
      deletions.add(
          new Deletion(
              pod.getMetadata().getNamespace(),
              pod.getMetadata().getName(),
              Instant.now(),
              process.residentBytes()));
      Thread.ofVirtual().start(process::close);
    }

    @Override
    public void onClose(WatcherException cause) {}
  }

  /** The operator first (no cycle acts on what is going away), then processes, then servers. */
  @Override
  public void close() {
    if (operator != null) {
      operator.stop();
    }
    if (kubelet != null) {
      kubelet.close();
    }
    started.forEach(WorkerJar::close);
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception e) {
        // keep closing the rest
      }
    }
  }

  static FleetRef ref(ChaosFleet fleet) {
    return new FleetRef(fleet.getMetadata().getNamespace(), fleet.getMetadata().getName());
  }
}
