package dev.microscope.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.FleetCondition;
import dev.microscope.operator.api.v1alpha1.QuotaSpec;
import dev.microscope.operator.observability.FleetGauges;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reconciler in-process against fabric8's mock API server (CRUD mode, no server-side apply):
 * create, change, break, fix and pause a fleet, and look at what the cluster holds after each.
 */
class ChaosFleetReconcilerTest {
  private static final String NS = "team-a";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final AtomicInteger failedReconciles = new AtomicInteger();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private MockCluster cluster;
  private Operator operator;

  @BeforeEach
  void startCluster() {
    cluster = new MockCluster();
  }

  @AfterEach
  void stop() {
    if (operator != null) {
      operator.stop();
    }
    cluster.close();
  }

  private void startOperator() {
    var options =
        new FleetOperator.Options(
            OperatorConfig.defaults("1.2.3"),
            Set.of(NS),
            Optional.empty(),
            false,
            TestFleets.CLOCK);
    Metrics failures =
        new Metrics() {
          @Override
          public void failedReconciliation(
              HasMetadata resource, Exception exception, Map<String, Object> metadata) {
            failedReconciles.incrementAndGet();
          }
        };
    operator = FleetOperator.create(cluster.client(), options, failures, new FleetGauges(registry));
    operator.start();
  }

  @Test
  void createChangeBreakFixAndPauseAFleet() {
    startOperator();
    var fleet = TestFleets.fleet("demo");
    fleet.getMetadata().setUid(null);
    fleet.getMetadata().setGeneration(null);
    var quota = new QuotaSpec();
    quota.setPods(20);
    quota.setMemory("4Gi");
    fleet.getSpec().setQuota(quota);
    client().resource(fleet).create();

    // created: every dependent, owned by the fleet, with the expected fields
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(get(Deployment.class, "demo-workers")).isNotNull());
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              for (var type : List.of(Service.class, PodDisruptionBudget.class)) {
                assertOwned(get(type, "demo-workers"));
              }
              assertOwned(get(Deployment.class, "demo-loadgen"));
              assertOwned(get(Secret.class, "demo-admin"));
              assertOwned(get(ConfigMap.class, "demo-chaos"));
              assertOwned(get(ConfigMap.class, "demo-config"));
              assertOwned(get(ResourceQuota.class, "demo-quota"));
              assertOwned(get(LimitRange.class, "demo-limits"));
            });
    var workers = get(Deployment.class, "demo-workers");
    assertThat(workers.getSpec().getReplicas()).isEqualTo(2);
    var container = workers.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(container.getImage()).isEqualTo("microscope/worker:1.2.3");
    assertThat(container.getArgs())
        .containsSubsequence("worker", "--port", "8080", "--fleet", "demo", "--workers", "1")
        .containsSubsequence("--admin-token-file", "/var/run/microscope/admin/token")
        .containsSubsequence("--chaos-file", "/etc/microscope/chaos/chaos.json");
    assertThat(workers.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/port", "8080");
    assertThat(client().resources(PodMonitor.class).inNamespace(NS).list().getItems()).isEmpty();
    assertThat(get(ResourceQuota.class, "demo-quota").getSpec().getHard())
        .containsKeys("pods", "limits.memory");
    assertThat(get(ConfigMap.class, "demo-chaos").getData().get("chaos.json"))
        .contains("\"level\" : 1.0")
        .contains("\"rate\" : 0.2");
    assertThat(
            get(Deployment.class, "demo-loadgen")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getArgs())
        .containsSubsequence("loadgen", "--port", "8089")
        .containsSubsequence("--targets-dns", "demo-workers:8080")
        .containsSubsequence("--traffic-file", "/etc/microscope/config/traffic.json");
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              var status = fleet().getStatus();
              assertThat(status).isNotNull();
              assertThat(status.getObservedGeneration()).isEqualTo(1L);
              assertThat(condition("Ready").getReason()).isEqualTo("WorkersNotReady");
              // no Prometheus URL anywhere: every poll fails, and says why
              assertThat(condition("PrometheusReachable").getStatus()).isEqualTo("False");
              assertThat(condition("PrometheusReachable").getMessage())
                  .contains("no Prometheus URL");
              assertThat(condition("ChaosActive").getStatus()).isEqualTo("True");
              assertThat(status.getWorkers().getDesired()).isEqualTo(2);
            });
    assertThat(events()).contains("Created");

    // pods come up: Ready
    markReady("demo-workers", 2);
    markReady("demo-loadgen", 1);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(condition("Ready").getStatus()).isEqualTo("True");
              assertThat(fleet().getStatus().getWorkers().getReady()).isEqualTo(2);
            });

    // spec changes: dependents follow
    var token = get(Secret.class, "demo-admin").getData().get("token");
    edit(
        f -> {
          f.getSpec().getWorkers().setWorkersPerPod(4);
          f.getSpec().getWorkers().getReplicas().setMin(3);
          f.getSpec().getTraffic().setRate(42);
          f.getSpec().setQuota(null);
        });
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              var d = get(Deployment.class, "demo-workers");
              assertThat(d.getSpec().getReplicas()).isEqualTo(3);
              assertThat(d.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
                  .containsSubsequence("--workers", "4");
              assertThat(get(ConfigMap.class, "demo-config").getData().get("traffic.json"))
                  .contains("\"rate\" : 42.0");
              assertThat(get(ResourceQuota.class, "demo-quota")).isNull();
              assertThat(get(LimitRange.class, "demo-limits")).isNull();
              assertThat(fleet().getStatus().getWorkers().getDesired()).isEqualTo(12);
            });
    assertThat(get(Secret.class, "demo-admin").getData().get("token")).isEqualTo(token);
    assertThat(events()).contains("Scaled");

    // invalid spec: Ready=False/InvalidSpec naming the field, nothing else touched
    var versions = dependentVersions();
    int failuresBefore = failedReconciles.get();
    edit(f -> f.getSpec().getWorkers().getReplicas().setMin(9));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              var ready = condition("Ready");
              assertThat(ready.getStatus()).isEqualTo("False");
              assertThat(ready.getReason()).isEqualTo("InvalidSpec");
              assertThat(ready.getMessage()).contains("spec.workers.replicas.min");
              assertThat(fleet().getStatus().getObservedGeneration()).isEqualTo(3L);
            });
    assertThat(dependentVersions()).isEqualTo(versions);
    assertThat(failedReconciles.get()).isEqualTo(failuresBefore);
    assertThat(events()).contains("InvalidSpec");

    // fixed, then paused: status says so and chaos drops to zero
    edit(f -> f.getSpec().getWorkers().getReplicas().setMin(3));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> assertThat(condition("Ready").getReason()).isNotEqualTo("InvalidSpec"));
    var paused = fleet();
    paused.getMetadata().setAnnotations(Map.of(ChaosFleet.PAUSED_ANNOTATION, "true"));
    client().resource(paused).update();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(condition("Paused").getStatus()).isEqualTo("True");
              assertThat(condition("ChaosActive").getReason()).isEqualTo("Paused");
              assertThat(fleet().getStatus().getChaosLevel()).isZero();
              assertThat(get(ConfigMap.class, "demo-chaos").getData().get("chaos.json"))
                  .contains("\"level\" : 0.0")
                  .doesNotContain("latency");
            });
    assertThat(failedReconciles.get()).isEqualTo(failuresBefore);
    assertThat(
            registry
                .get("microscope_operator_workers_desired")
                .tag("fleet", "demo")
                .gauge()
                .value())
        .isEqualTo(12.0);
  }

  /**
   * No finalizer: a fleet can be deleted with the operator gone (after {@code helm uninstall}), and
   * what the operator keeps about a fleet goes when the fleet leaves its cache.
   */
  @Test
  void aDeletedFleetTakesItsGaugesAlongAndNeverWaitsForTheOperator() {
    startOperator();
    var fleet = TestFleets.fleet("demo");
    fleet.getMetadata().setUid(null);
    fleet.getMetadata().setGeneration(null);
    client().resource(fleet).create();
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        registry
                            .find("microscope_operator_workers_desired")
                            .tags("fleet", "demo")
                            .gauge())
                    .isNotNull());
    assertThat(fleet().getMetadata().getFinalizers()).isEmpty();

    client().resource(fleet()).delete();

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(fleet()).isNull();
              assertThat(
                      registry
                          .find("microscope_operator_workers_desired")
                          .tags("fleet", "demo")
                          .gauges())
                  .isEmpty();
            });
  }

  @Test
  void createsAPodMonitorInsteadOfAnnotationsWhereTheCrdExists() {
    cluster.install("/podmonitor-crd.yaml");
    startOperator();
    var fleet = TestFleets.fleet("watched");
    fleet.getMetadata().setUid(null);
    fleet.getSpec().getWorkers().setWorkersPerPod(10);
    client().resource(fleet).create();

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              var monitor = get(PodMonitor.class, "watched-workers");
              assertOwned(monitor);
              assertThat(monitor.getSpec().getSampleLimit()).isEqualTo(12_000L);
              assertThat(monitor.getSpec().getLabelLimit()).isEqualTo(20L);
            });
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              var workers = get(Deployment.class, "watched-workers");
              assertThat(workers).isNotNull();
              assertThat(workers.getSpec().getTemplate().getMetadata().getAnnotations())
                  .doesNotContainKey("prometheus.io/scrape");
            });
  }

  private io.fabric8.kubernetes.client.KubernetesClient client() {
    return cluster.client();
  }

  private <T extends HasMetadata> T get(Class<T> type, String name) {
    return client().resources(type).inNamespace(NS).withName(name).get();
  }

  private ChaosFleet fleet() {
    return get(ChaosFleet.class, currentFleetName());
  }

  private String currentFleetName() {
    return "demo";
  }

  private FleetCondition condition(String type) {
    var status = fleet().getStatus();
    assertThat(status).isNotNull();
    return Conditions.find(status.getConditions(), type).orElseThrow();
  }

  private void edit(java.util.function.Consumer<ChaosFleet> change) {
    UserEdits.edit(client(), NS, "demo", change);
  }

  private void markReady(String deployment, int replicas) {
    var d = get(Deployment.class, deployment);
    d.setStatus(
        new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
            .withReplicas(replicas)
            .withReadyReplicas(replicas)
            .withUpdatedReplicas(replicas)
            .withAvailableReplicas(replicas)
            .withObservedGeneration(d.getMetadata().getGeneration())
            .build());
    client().resource(d).updateStatus();
  }

  private List<String> events() {
    return client().v1().events().inNamespace(NS).list().getItems().stream()
        .filter(e -> "demo".equals(e.getInvolvedObject().getName()))
        .map(io.fabric8.kubernetes.api.model.Event::getReason)
        .toList();
  }

  private Map<String, String> dependentVersions() {
    var versions = new java.util.TreeMap<String, String>();
    for (var type :
        List.<Class<? extends HasMetadata>>of(
            Deployment.class,
            Service.class,
            Secret.class,
            ConfigMap.class,
            PodDisruptionBudget.class)) {
      for (var item : client().resources(type).inNamespace(NS).list().getItems()) {
        versions.put(
            item.getKind() + "/" + item.getMetadata().getName(),
            item.getMetadata().getResourceVersion());
      }
    }
    return versions;
  }

  private static void assertOwned(HasMetadata resource) {
    assertThat(resource).isNotNull();
    assertThat(resource.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getKind()).isEqualTo("ChaosFleet");
              assertThat(o.getController()).isTrue();
            });
    assertThat(resource.getMetadata().getLabels())
        .containsEntry(Labels.MANAGED_BY, Labels.OPERATOR)
        .containsEntry(Labels.PART_OF, "microscope");
  }
}
