package dev.microscope.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microscope.operator.api.v1alpha1.ComputeResources;
import dev.microscope.operator.api.v1alpha1.EndpointProfile;
import dev.microscope.operator.api.v1alpha1.ProfilesSpec;
import dev.microscope.operator.api.v1alpha1.QuotaSpec;
import dev.microscope.operator.api.v1alpha1.WorkersStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** What each dependent wants, as a pure function of the plan. */
class DependentsDesiredTest {
  private final WorkerDeployment workers = new WorkerDeployment();

  @Test
  void workerDeploymentRunsTheContractCommandLineWithRestrictedSecurity() {
    var fleet = TestFleets.fleet("demo");
    fleet.getSpec().getWorkers().setWorkersPerPod(50);
    fleet.getSpec().getWorkers().setJvmOptions("-XX:MaxRAMPercentage=75");
    var d = workers.desired(TestFleets.plan(fleet, false));

    assertThat(d.getMetadata().getName()).isEqualTo("demo-workers");
    assertThat(d.getMetadata().getNamespace()).isEqualTo("team-a");
    assertThat(d.getSpec().getReplicas()).isEqualTo(2);
    assertThat(d.getSpec().getSelector().getMatchLabels())
        .containsEntry(Labels.INSTANCE, "demo")
        .containsEntry(Labels.COMPONENT, "worker");
    var pod = d.getSpec().getTemplate().getSpec();
    var c = pod.getContainers().get(0);
    assertThat(c.getImage()).isEqualTo("microscope/worker:1.2.3");
    assertThat(c.getArgs())
        .containsExactly(
            "worker",
            "--port",
            "8080",
            "--fleet",
            "demo",
            "--workers",
            "50",
            "--concurrency",
            "32",
            "--queue",
            "64",
            "--time-scale",
            "1.0",
            "--admin-token-file",
            "/var/run/microscope/admin/token",
            "--chaos-file",
            "/etc/microscope/chaos/chaos.json");
    assertThat(c.getEnv())
        .anySatisfy(
            e -> {
              assertThat(e.getName()).isEqualTo("POD_NAME");
              assertThat(e.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
            })
        .anySatisfy(e -> assertThat(e.getValue()).isEqualTo("-XX:MaxRAMPercentage=75"));
    assertRestricted(d);
    assertThat(c.getResources().getLimits()).containsEntry("memory", new Quantity("256Mi"));
    assertThat(c.getVolumeMounts())
        .extracting(m -> m.getMountPath())
        .contains("/var/run/microscope/admin", "/etc/microscope/chaos", "/tmp");
    assertThat(pod.getVolumes())
        .anySatisfy(v -> assertThat(v.getSecret().getSecretName()).isEqualTo("demo-admin"));
    assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/path", "/metrics");
  }

  @Test
  void workerDeploymentFollowsScaleAndImageAndLeavesScrapingToAPodMonitor() {
    var fleet = TestFleets.fleet("demo");
    fleet.getSpec().getWorkers().setImage("registry.local/worker:dev");
    fleet.getSpec().getChaos().setSeed(7L);
    var profiles = new ProfilesSpec();
    var users = new EndpointProfile();
    users.setMinMs(1);
    users.setMaxMs(2);
    profiles.setUsers(users);
    fleet.getSpec().getWorkers().setProfiles(profiles);
    var status = new dev.microscope.operator.api.v1alpha1.ChaosFleetStatus();
    var chosen = new WorkersStatus();
    chosen.setReplicas(9);
    status.setWorkers(chosen);
    fleet.setStatus(status);

    var d = workers.desired(TestFleets.plan(fleet, true));

    assertThat(d.getSpec().getReplicas()).isEqualTo(5); // the control loop's 9, capped at max
    var c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getImage()).isEqualTo("registry.local/worker:dev");
    assertThat(c.getArgs())
        .containsSubsequence("--profiles", "/etc/microscope/config/profiles.json")
        .containsSubsequence("--seed", "7");
    assertThat(d.getSpec().getTemplate().getMetadata().getAnnotations()).isEmpty();
  }

  @Test
  void loadgenTargetsTheHeadlessServiceAndReadsTheTrafficFile() {
    var fleet = TestFleets.fleet("demo");
    var d = new LoadgenDeployment().desired(TestFleets.plan(fleet, false));
    var c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(d.getMetadata().getName()).isEqualTo("demo-loadgen");
    assertThat(d.getSpec().getReplicas()).isEqualTo(1);
    assertThat(c.getArgs())
        .containsExactly(
            "loadgen",
            "--port",
            "8089",
            "--fleet",
            "demo",
            "--targets-dns",
            "demo-workers:8080",
            "--traffic-file",
            "/etc/microscope/config/traffic.json",
            "--admin-token-file",
            "/var/run/microscope/admin/token");
    assertRestricted(d);
  }

  @Test
  void serviceIsHeadlessOnTheWorkerPort() {
    var fleet = TestFleets.fleet("demo");
    fleet.getSpec().getWorkers().setPort(9000);
    var s = new WorkerService().desired(TestFleets.plan(fleet, false));
    assertThat(s.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(s.getSpec().getPorts().get(0).getPort()).isEqualTo(9000);
    assertThat(s.getSpec().getSelector())
        .isEqualTo(Labels.selector(fleet, Labels.Component.WORKER));
  }

  @Test
  void adminSecretHoldsAFreshRandomTokenAndIsImmutable() {
    var fleet = TestFleets.fleet("demo");
    var secret = new AdminTokenSecret(() -> "s3cret").desired(TestFleets.plan(fleet, false));
    assertThat(secret.getImmutable()).isTrue();
    assertThat(
            new String(
                Base64.getDecoder().decode(secret.getData().get("token")),
                StandardCharsets.US_ASCII))
        .isEqualTo("s3cret");
    assertThat(AdminTokenSecret.randomToken())
        .hasSize(64)
        .isNotEqualTo(AdminTokenSecret.randomToken());
    assertThat(new AdminTokenSecret())
        .isNotInstanceOf(io.javaoperatorsdk.operator.processing.dependent.Updater.class);
  }

  @Test
  void chaosConfigMapCarriesTheCurrentLevelAndZeroWhenPaused() {
    var fleet = TestFleets.fleet("demo");
    fleet.getSpec().getChaos().setMaxLevel(0.5);
    var running = new ChaosConfigMap().desired(TestFleets.plan(fleet, false));
    assertThat(running.getData().get("chaos.json"))
        .contains("\"level\" : 0.5")
        .contains("\"probability\" : 0.25");

    fleet.getMetadata().setAnnotations(java.util.Map.of("microscope.dev/paused", "true"));
    var paused = new ChaosConfigMap().desired(TestFleets.plan(fleet, false));
    assertThat(paused.getData().get("chaos.json"))
        .contains("\"level\" : 0.0")
        .doesNotContain("latency");
  }

  @Test
  void configConfigMapHoldsTrafficWithQuarantinedWorkersExcluded() {
    var fleet = TestFleets.fleet("demo");
    var status = new dev.microscope.operator.api.v1alpha1.ChaosFleetStatus();
    status.setQuarantinedWorkers(java.util.List.of("demo-workers-abc"));
    status.setTrafficRate(33.0);
    fleet.setStatus(status);
    var cm = new ConfigConfigMap().desired(TestFleets.plan(fleet, false));
    assertThat(cm.getData()).containsOnlyKeys("traffic.json");
    assertThat(cm.getData().get("traffic.json"))
        .contains("\"/api/users\" : 70")
        .contains("\"rate\" : 33.0")
        .contains("\"exclude\" : [ \"demo-workers-abc\" ]");
  }

  @Test
  void workerResourcesTheControlLoopSetReplaceTheSpecs() {
    var fleet = TestFleets.fleet("demo");
    var status = new dev.microscope.operator.api.v1alpha1.ChaosFleetStatus();
    var chosen = new WorkersStatus();
    var resources = new dev.microscope.operator.api.v1alpha1.ResourcesSpec();
    resources.setLimits(new ComputeResources("1", "384Mi"));
    chosen.setResources(resources);
    status.setWorkers(chosen);
    fleet.setStatus(status);

    var c =
        workers
            .desired(TestFleets.plan(fleet, false))
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);

    assertThat(c.getResources().getLimits()).containsEntry("memory", new Quantity("384Mi"));
    assertThat(c.getResources().getRequests()).isEmpty();
  }

  @Test
  void quotaAndLimitRangeComeFromSpecQuota() {
    var fleet = TestFleets.fleet("demo");
    var quota = new QuotaSpec();
    quota.setCpu("4");
    quota.setPods(10);
    quota.setDefaultLimits(new ComputeResources("500m", "256Mi"));
    fleet.getSpec().setQuota(quota);
    var plan = TestFleets.plan(fleet, false);
    assertThat(new FleetResourceQuota().desired(plan).getSpec().getHard())
        .containsEntry("limits.cpu", new Quantity("4"))
        .containsEntry("pods", new Quantity("10"))
        .doesNotContainKey("limits.memory");
    var item = new FleetLimitRange().desired(plan).getSpec().getLimits().get(0);
    assertThat(item.getType()).isEqualTo("Container");
    assertThat(item.getDefault()).containsEntry("memory", new Quantity("256Mi"));
  }

  @Test
  void podMonitorLimitsSamplesByVirtualWorkersAndLabels() {
    var fleet = TestFleets.fleet("demo");
    fleet.getSpec().getWorkers().setWorkersPerPod(100);
    var monitor = new WorkerPodMonitor().desired(TestFleets.plan(fleet, true));
    assertThat(monitor.getSpec().getSampleLimit()).isEqualTo(102_000L);
    assertThat(monitor.getSpec().getLabelLimit()).isEqualTo(20L);
    assertThat(monitor.getSpec().getPodMetricsEndpoints().get(0).getPort()).isEqualTo("http");
    assertThat(monitor.getSpec().getSelector().getMatchLabels()).isEqualTo(Labels.scraped(fleet));
  }

  @Test
  void disruptionBudgetBoundsVoluntaryEvictions() {
    var fleet = TestFleets.fleet("demo");
    fleet.getSpec().getWorkers().setMaxUnavailable(2);
    var pdb = new WorkerDisruptionBudget().desired(TestFleets.plan(fleet, false));
    assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(2);
    assertThat(pdb.getSpec().getSelector().getMatchLabels())
        .isEqualTo(Labels.selector(fleet, Labels.Component.WORKER));
  }

  private static void assertRestricted(Deployment d) {
    var pod = d.getSpec().getTemplate().getSpec();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    for (var c : pod.getContainers()) {
      var sc = c.getSecurityContext();
      assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
      assertThat(sc.getReadOnlyRootFilesystem()).isTrue();
      assertThat(sc.getCapabilities().getDrop()).containsExactly("ALL");
    }
  }
}
