package dev.microscope.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.api.v1alpha1.ComputeResources;
import dev.microscope.operator.api.v1alpha1.PrometheusAuth;
import dev.microscope.operator.api.v1alpha1.PrometheusTls;
import dev.microscope.operator.api.v1alpha1.ResourcesSpec;
import dev.microscope.operator.api.v1alpha1.WorkersStatus;
import dev.microscope.operator.loop.WorkerHost;
import dev.microscope.operator.prometheus.Auth;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the control loop sees of a fleet in the Kubernetes API (fabric8's mock server). */
class KubeFleetObserverTest {
  private static final String NS = "team-a";

  private MockCluster cluster;
  private ChaosFleet fleet;
  private final OomKills kills = new OomKills();

  @BeforeEach
  void start() {
    cluster = new MockCluster();
    fleet = TestFleets.fleet("demo");
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  @Test
  void workerHostsTheirVirtualWorkersAndTheTrafficGenerators() {
    fleet.getSpec().getWorkers().setWorkersPerPod(3);
    pod("demo-workers-a", Labels.Component.WORKER.value(), true, "10.0.0.1");
    pod("demo-workers-b", Labels.QUARANTINED_WORKER, false, "10.0.0.2");
    pod("demo-workers-c", Labels.Component.WORKER.value(), false, null);
    pod("demo-loadgen-x", Labels.Component.LOADGEN.value(), true, "10.0.0.9");

    var snapshot = observer(token("t0k3n")).observe();

    assertThat(snapshot.hosts())
        .extracting(WorkerHost::name, WorkerHost::ready, WorkerHost::quarantined, WorkerHost::admin)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "demo-workers-a", true, false, URI.create("http://10.0.0.1:8080")),
            org.assertj.core.groups.Tuple.tuple(
                "demo-workers-b", false, true, URI.create("http://10.0.0.2:8080")),
            org.assertj.core.groups.Tuple.tuple("demo-workers-c", false, false, null));
    assertThat(snapshot.hosts().get(0).workers())
        .containsExactly("demo-workers-a-0", "demo-workers-a-1", "demo-workers-a-2");
    assertThat(snapshot.trafficGenerators()).containsExactly(URI.create("http://10.0.0.9:8089"));
    assertThat(snapshot.adminToken()).isNotNull().hasToString("AdminToken[redacted]");
    assertThat(snapshot.replicas()).isEqualTo(2);
    assertThat(snapshot.chaosLevel()).isEqualTo(1.0);
    assertThat(snapshot.memoryLimitBytes()).isEqualTo(256L << 20);
    assertThat(snapshot.observed(List.of("demo-workers-a-1")).serving())
        .extracting(w -> w.id())
        .containsExactly("demo-workers-a-0", "demo-workers-a-2");
  }

  @Test
  void theControlLoopsChoicesInStatusComeFirst() {
    var status = new ChaosFleetStatus();
    status.setChaosLevel(0.25);
    var workers = new WorkersStatus();
    workers.setReplicas(4);
    var resources = new ResourcesSpec();
    resources.setLimits(new ComputeResources(null, "384Mi"));
    workers.setResources(resources);
    status.setWorkers(workers);
    fleet.setStatus(status);

    var snapshot = observer(null).observe();

    assertThat(snapshot.replicas()).isEqualTo(4);
    assertThat(snapshot.chaosLevel()).isEqualTo(0.25);
    assertThat(snapshot.memoryLimitBytes()).isEqualTo(384L << 20);
    assertThat(snapshot.adminToken()).isNull();
  }

  @Test
  void outOfMemoryKillsCountWhenTheRestartCountGrowsAfterAnOomKill() {
    var list = List.of(podWithRestarts(1, "OOMKilled"));
    assertThat(kills.count(TestFleetsRef.REF, list)).containsEntry("demo-workers-a", 1);
    assertThat(kills.count(TestFleetsRef.REF, list)).containsEntry("demo-workers-a", 1);
    assertThat(kills.count(TestFleetsRef.REF, List.of(podWithRestarts(2, "Error"))))
        .containsEntry("demo-workers-a", 1);
    assertThat(kills.count(TestFleetsRef.REF, List.of(podWithRestarts(3, "OOMKilled"))))
        .containsEntry("demo-workers-a", 2);
  }

  @Test
  void prometheusFromTheSpecWithCredentialsFromSecrets() {
    fleet.getSpec().getPrometheus().setUrl("https://prometheus.monitoring:9090");
    var auth = new PrometheusAuth();
    auth.setType(PrometheusAuth.AuthType.BASIC);
    auth.setSecretName("prom-creds");
    fleet.getSpec().getPrometheus().setAuth(auth);
    var tls = new PrometheusTls();
    tls.setCaSecretName("prom-ca");
    fleet.getSpec().getPrometheus().setTls(tls);
    secret("prom-creds", Map.of("username", "reader", "password", "pa55"));
    secret("prom-ca", Map.of("ca.crt", "-----BEGIN CERTIFICATE-----\n"));

    var target = observer(null).observe().prometheus();

    assertThat(target.problem()).isNull();
    assertThat(target.connection().url())
        .isEqualTo(URI.create("https://prometheus.monitoring:9090"));
    assertThat(target.connection().auth()).isEqualTo(Auth.basic("reader", "pa55"));
    assertThat(target.connection().caPem()).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(target.connection().timeout()).hasSeconds(3);
  }

  @Test
  void aMissingUrlSecretOrKeyIsAProblemNamingTheFieldNeverASecret() {
    assertThat(observer(null).observe().prometheus().problem()).contains("no Prometheus URL");

    fleet.getSpec().getPrometheus().setUrl("http://prometheus:9090");
    var auth = new PrometheusAuth();
    auth.setType(PrometheusAuth.AuthType.BEARER);
    auth.setSecretName("prom-token");
    fleet.getSpec().getPrometheus().setAuth(auth);
    assertThat(observer(null).observe().prometheus().problem())
        .contains("spec.prometheus.auth")
        .contains("prom-token")
        .contains("not found");

    secret("prom-token", Map.of("other", "x"));
    assertThat(observer(null).observe().prometheus().problem()).contains("has no key token");

    cluster.client().secrets().inNamespace(NS).withName("prom-token").delete();
    secret("prom-token", Map.of("token", "two words"));
    assertThat(observer(null).observe().prometheus().problem())
        .contains("one non-empty word")
        .doesNotContain("two words");
  }

  /** The fleet's admin Secret, as the dependent creates it. */
  private static Secret token(String token) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName("demo-admin")
        .withNamespace(NS)
        .endMetadata()
        .withData(
            Map.of(
                Names.ADMIN_TOKEN_KEY,
                Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.US_ASCII))))
        .build();
  }

  private void secret(String name, Map<String, String> data) {
    cluster
        .client()
        .secrets()
        .inNamespace(NS)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NS)
                .endMetadata()
                .withStringData(data)
                .build())
        .create();
  }

  private KubeFleetObserver observer(Secret adminSecret) {
    return new KubeFleetObserver(
        fleet,
        cluster.client(),
        adminSecret,
        PodAddresses.POD_IP,
        kills,
        new PrometheusTargets(cluster.client(), new OperatorConfig("img", null)));
  }

  private void pod(String name, String component, boolean ready, String ip) {
    var labels = new java.util.LinkedHashMap<>(Labels.of(fleet, Labels.Component.WORKER));
    labels.put(Labels.COMPONENT, component);
    cluster
        .client()
        .pods()
        .inNamespace(NS)
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(NS)
                .withLabels(labels)
                .endMetadata()
                .withStatus(
                    new PodStatusBuilder()
                        .withPodIP(ip)
                        .withConditions(
                            new PodConditionBuilder()
                                .withType("Ready")
                                .withStatus(ready ? "True" : "False")
                                .build())
                        .build())
                .build())
        .create();
  }

  private static io.fabric8.kubernetes.api.model.Pod podWithRestarts(int restarts, String reason) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("demo-workers-a")
        .endMetadata()
        .withNewStatus()
        .withContainerStatuses(
            new ContainerStatusBuilder()
                .withName("worker")
                .withRestartCount(restarts)
                .withNewLastState()
                .withNewTerminated()
                .withReason(reason)
                .endTerminated()
                .endLastState()
                .build())
        .endStatus()
        .build();
  }

  /** The fleet of these tests as the control loop names it. */
  private static final class TestFleetsRef {
    static final dev.microscope.operator.loop.FleetRef REF =
        new dev.microscope.operator.loop.FleetRef(NS, "demo");
  }
}
