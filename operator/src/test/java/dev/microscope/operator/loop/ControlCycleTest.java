package dev.microscope.operator.loop;

import static dev.microscope.operator.control.BuiltinSignal.WORKER_LIAR_SCORE;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_MEMORY_TIME_TO_LIMIT_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscope.operator.api.v1alpha1.ChaosFleetSpec;
import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.api.v1alpha1.ErrorFault;
import dev.microscope.operator.control.Decision;
import dev.microscope.operator.control.Signals;
import dev.microscope.operator.control.Trigger;
import dev.microscope.operator.prometheus.PrometheusConnection;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One lap with a fake platform and admin APIs on loopback: what the cycle asks of the platform,
 * what it sends to workers and traffic generators, and what it records.
 */
class ControlCycleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final FleetRef FLEET = new FleetRef("team-a", "demo");
  private static final AdminToken TOKEN = AdminToken.of("t0k3n");

  private FakeAdminApi admin;
  private final List<String> actuated = new ArrayList<>();
  private Signals signals;

  @BeforeEach
  void start() throws Exception {
    admin = new FakeAdminApi();
    signals = Signals.at(NOW).build();
  }

  @AfterEach
  void stop() {
    admin.close();
  }

  @Test
  void restartsQuarantinesAndRenewsEveryLeaseInEnforce() throws Exception {
    signals =
        Signals.at(NOW)
            .worker(WORKER_MEMORY_TIME_TO_LIMIT_SECONDS, "a", 30)
            .worker(WORKER_MEMORY_TIME_TO_LIMIT_SECONDS, "b-1", 40)
            .worker(WORKER_LIAR_SCORE, "c", 0.9)
            .build();

    var report = run(spec(s -> {}), null);

    assertThat(actuated).containsExactly("replace a", "quarantine c");
    assertThat(results(report))
        .contains(
            "restart_worker a applied",
            "restart_worker b-1 applied",
            "quarantine_worker c applied");
    var requests = admin.requests();
    assertThat(requests)
        .filteredOn(r -> r.method().equals("POST"))
        .extracting(FakeAdminApi.Request::path)
        .containsExactly("/b/admin/workers/b-1/restart");
    // host a is being replaced: no lease for it; b's workers all carry the faults: one call
    var chaos = requests.stream().filter(r -> r.path().contains("/admin/chaos")).toList();
    assertThat(chaos)
        .extracting(FakeAdminApi.Request::path)
        .containsExactlyInAnyOrder("/b/admin/chaos", "/c/admin/chaos");
    var toB =
        JSON.readTree(
            chaos.stream().filter(r -> r.path().startsWith("/b")).findFirst().get().body());
    assertThat(toB.at("/errors/rate").asDouble()).isEqualTo(0.5);
    assertThat(toB.get("leaseSeconds").asInt()).isEqualTo(60);
    // c is quarantined: out of the chaos targets and out of the traffic
    var toC =
        JSON.readTree(
            chaos.stream().filter(r -> r.path().startsWith("/c")).findFirst().get().body());
    assertThat(toC.has("errors")).isFalse();
    var traffic = requests.stream().filter(r -> r.path().equals("/lg/admin/traffic")).toList();
    assertThat(traffic)
        .singleElement()
        .satisfies(
            r ->
                assertThat(JSON.readTree(r.body()).get("exclude").toString()).isEqualTo("[\"c\"]"));
    assertThat(requests).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer t0k3n"));
    assertThat(report.state().quarantined()).containsExactly("c");
    assertThat(report.state().chaosLevel()).isEqualTo(1.0);
  }

  @Test
  void scalingAndResourcesAreDesiredStateForThePlatformToFollow() throws Exception {
    var saturated = Signals.at(NOW);
    for (var w : List.of("a", "b-0", "b-1", "b-2", "c")) {
      saturated.worker(dev.microscope.operator.control.BuiltinSignal.WORKER_CPU_SATURATION, w, 1.0);
    }
    signals = saturated.build();

    var report = run(spec(s -> {}), null);

    assertThat(results(report)).contains("scale fleet applied");
    assertThat(report.state().replicas()).isEqualTo(5);
    assertThat(actuated).isEmpty();
    var status = new ChaosFleetStatus();
    StatusWriter.write(report, status, 3, false);
    assertThat(status.getWorkers().getReplicas()).isEqualTo(5);
    assertThat(status.getControl().getObservedGeneration()).isEqualTo(3);
    assertThat(status.getControl().getLastTrigger()).isEqualTo("poll");
    assertThat(status.getDecisions()).extracting(e -> e.getAction()).contains("scale");
  }

  @Test
  void dryRunRecordsTheSameDecisionsAndSendsNothing() throws Exception {
    signals =
        Signals.at(NOW)
            .worker(WORKER_MEMORY_TIME_TO_LIMIT_SECONDS, "a", 30)
            .worker(WORKER_LIAR_SCORE, "c", 0.9)
            .build();

    var report = run(spec(s -> s.setMode(dev.microscope.operator.api.v1alpha1.Mode.DRY_RUN)), null);

    assertThat(results(report)).contains("restart_worker a dry_run", "quarantine_worker c dry_run");
    assertThat(actuated).isEmpty();
    assertThat(admin.requests()).isEmpty();
    assertThat(report.state().quarantined()).isEmpty();
    assertThat(report.state().chaosLevel()).as("the level the workers run at").isEqualTo(1.0);
  }

  @Test
  void aFailedRenewalIsRecordedEvenWithoutAChaosDecision() throws Exception {
    admin.fail("/b/admin/chaos", 500);

    var report = run(spec(s -> {}), null);

    assertThat(report.decisions())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.result()).isEqualTo(ActedDecision.Result.FAILED);
              assertThat(a.decision().rule()).isEqualTo("chaos-lease");
              assertThat(a.reason())
                  .contains("1 of 3 chaos calls failed")
                  .contains("HTTP 500 broken on purpose (field x)")
                  .doesNotContain("t0k3n");
            });
  }

  @Test
  void pauseTakesChaosToZeroOnEveryWorkerAtOnce() throws Exception {
    var status = new ChaosFleetStatus();
    var first = run(spec(s -> {}), status, false);
    StatusWriter.write(first, status, 1, false);
    int before = admin.requests().size();

    var paused = run(spec(s -> {}), status, true);

    assertThat(results(paused)).contains("abort_chaos fleet applied");
    assertThat(paused.state().chaosLevel()).isZero();
    var chaos =
        admin.requests().stream()
            .skip(before)
            .filter(r -> r.path().endsWith("/admin/chaos"))
            .toList();
    assertThat(chaos).hasSize(3);
    for (var r : chaos) {
      var body = JSON.readTree(r.body());
      assertThat(body.get("level").asDouble()).isZero();
      assertThat(body.has("errors")).isFalse();
    }
  }

  private ChaosFleetSpec spec(Consumer<ChaosFleetSpec> change) {
    var spec = new ChaosFleetSpec();
    spec.getChaos().getBlastRadius().setMaxShare(1.0);
    spec.getChaos().setMaxLevel(1.0);
    var errors = new ErrorFault();
    errors.setRate(0.5);
    spec.getChaos().setErrors(errors);
    change.accept(spec);
    return spec;
  }

  private CycleReport run(ChaosFleetSpec spec, ChaosFleetStatus status) {
    return run(spec, status, false);
  }

  private CycleReport run(ChaosFleetSpec spec, ChaosFleetStatus status, boolean paused) {
    var snapshot =
        new FleetSnapshot(
            3,
            List.of(
                new WorkerHost("a", admin.base("a"), true, false, NOW, 0, List.of("a")),
                new WorkerHost(
                    "b", admin.base("b"), true, false, NOW, 0, List.of("b-0", "b-1", "b-2")),
                new WorkerHost("c", admin.base("c"), true, false, NOW, 0, List.of("c"))),
            List.of(admin.base("lg")),
            1.0,
            256L << 20,
            TOKEN,
            FleetSnapshot.PrometheusTarget.of(
                PrometheusConnection.of(URI.create("http://prometheus:9090"))));
    var cycle =
        new ControlCycle(
            (fleet, policy, target, at) -> signals,
            new AdminClient(Duration.ofSeconds(2)),
            Clock.fixed(NOW, ZoneOffset.UTC));
    return cycle.run(
        new CycleInput(FLEET, spec, status, paused, Trigger.POLL), () -> snapshot, new Recorder());
  }

  private static List<String> results(CycleReport report) {
    return report.decisions().stream()
        .map(
            a ->
                a.decision().action().wireName()
                    + " "
                    + a.decision().target()
                    + " "
                    + a.result().wireName())
        .toList();
  }

  private final class Recorder implements Actuator {
    @Override
    public void replace(WorkerHost host) {
      actuated.add("replace " + host.name());
    }

    @Override
    public void quarantine(WorkerHost host) {
      actuated.add("quarantine " + host.name());
    }

    @Override
    public void retire(WorkerHost host) {
      actuated.add("retire " + host.name());
    }

    @Override
    public void notify(Decision decision) {
      actuated.add("notify " + decision.action().wireName());
    }
  }
}
