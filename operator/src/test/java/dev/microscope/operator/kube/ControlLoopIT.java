package dev.microscope.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.DecisionEntry;
import dev.microscope.operator.api.v1alpha1.ErrorFault;
import dev.microscope.operator.api.v1alpha1.MemoryLeakFault;
import dev.microscope.operator.api.v1alpha1.Mode;
import dev.microscope.testkit.Http;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control loop end to end: the reconciler on fabric8's mock API server, a real Prometheus with
 * the project's rules scraping real worker processes, the operator acting through the workers'
 * admin APIs and the Kubernetes API, and a real Alertmanager calling the operator's webhook.
 * Reaction times are printed as {@code REACTION ...} lines (scrape interval: 1 s).
 */
class ControlLoopIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MIB = 1024 * 1024;
  private static final long MEMORY_LIMIT = 400 * MIB;

  /** Below the workers' heap, so a leak left running cannot end in an OutOfMemoryError. */
  private static final long LEAK_MAX = 300 * MIB;

  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir Path dir;
  private LoopHarness harness;

  @BeforeEach
  void start() throws IOException {
    harness = LoopHarness.start(dir, Set.of("leak", "dry", "burn", "alerting", "paused"));
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void leakingWorkerIsRestartedBeforeItsLimitAndDryRunDecidesTheSameWithoutActing()
      throws Exception {
    var enforce = harness.create(leakFleet("leak", Mode.ENFORCE));
    var dry = harness.create(leakFleet("dry", Mode.DRY_RUN));
    var enforceToken = harness.adminTokenFile(enforce);
    var dryToken = harness.adminTokenFile(dry);
    var limit = List.of("--memory-limit", Long.toString(MEMORY_LIMIT));
    var w0 = harness.startWorker(enforce, "leak-workers-a", enforceToken, 512, limit);
    var w1 = harness.startWorker(enforce, "leak-workers-b", enforceToken, 512, limit);
    var d0 = harness.startWorker(dry, "dry-workers-a", dryToken, 512, limit);
    harness.serve(enforce, w0, w1);
    harness.serve(dry, d0);

    // Enforce: the operator puts the leak on one of the two workers (blast radius 0.5)
    var leaking =
        await("the operator's chaos on a worker")
            .atMost(WAIT)
            .pollInterval(Duration.ofMillis(100))
            .until(() -> leakingOf(List.of(w0, w1), enforceToken), Optional::isPresent)
            .get();
    var enforceOnset = Instant.now();
    var healthy = leaking == w0 ? w1 : w0;
    // DryRun: the operator sends nothing, so the same leak is put on by hand
    var leak = leakJson(600);
    assertThat(put(d0, "/admin/chaos", leak, dryToken).statusCode()).isEqualTo(200);
    var dryOnset = Instant.now();

    var deletion =
        await("the leaking pod deleted")
            .atMost(WAIT)
            .until(
                () ->
                    harness.deletions().stream()
                        .filter(d -> d.pod().equals(leaking.name()))
                        .findFirst(),
                Optional::isPresent)
            .get();
    assertThat(deletion.residentBytes())
        .as("resident memory when the pod was deleted")
        .isLessThan(MEMORY_LIMIT);
    var restart = decision("leak", "leak", "restart_worker", leaking.name());
    assertThat(restart.getRule()).isEqualTo("about-to-oom");
    assertThat(restart.getResult()).isEqualTo("applied");
    assertThat(restart.getTrigger()).isEqualTo("poll");
    double predicted =
        Double.parseDouble(restart.getValues().get("worker_memory_time_to_limit_seconds"));
    assertThat(predicted).isLessThan(600);
    assertThat(Double.parseDouble(restart.getValues().get("worker_leak_bytes_per_second")))
        .isPositive();
    assertThat(harness.deletions()).noneMatch(d -> d.pod().equals(healthy.name()));
    assertThat(events("leak", "leak")).contains("RestartWorker");
    assertThat(harness.scrapeOperator())
        .contains(
            "microscope_decisions_total{action=\"restart_worker\",fleet=\"leak\",namespace=\"leak\",outcome=\"applied\"} 1.0");
    report(
        "leak -> pod deleted",
        enforceOnset,
        deletion.at(),
        "RSS at deletion %.0f MiB of %d MiB; predicted time to limit %.0f s"
            .formatted(deletion.residentBytes() / MIB, MEMORY_LIMIT / MIB, predicted));

    // DryRun: the same decision, recorded and not applied
    var dryRestart =
        await("the dry-run decision")
            .atMost(WAIT)
            .until(
                () -> findDecision("dry", "dry", "restart_worker", d0.name()), Optional::isPresent)
            .get();
    assertThat(dryRestart.getRule()).isEqualTo(restart.getRule());
    assertThat(Instant.parse(dryRestart.getTime())).isAfter(dryOnset);
    assertThat(Double.parseDouble(dryRestart.getValues().get("worker_leak_bytes_per_second")))
        .isPositive();
    assertThat(dryRestart.getResult()).isEqualTo("dry_run");
    assertThat(dryRestart.getDryRun()).isTrue();
    report("leak -> dry-run decision", dryOnset, Instant.parse(dryRestart.getTime()), "");
    assertThat(harness.deletions()).noneMatch(d -> d.namespace().equals("dry"));
    assertThat(harness.client().pods().inNamespace("dry").withName(d0.name()).get()).isNotNull();
    var chaos = get(d0, "/admin/chaos", dryToken);
    assertThat(chaos.at("/workers/0/chaos/memoryLeak/bytesPerSecond").asLong())
        .as("the worker keeps the chaos the operator did not touch")
        .isEqualTo(8 * MIB);
    var dryFleet = harness.fleet("dry", "dry");
    assertThat(dryFleet.getStatus().getWorkers().getReplicas()).isEqualTo(2);
    assertThat(dryFleet.getStatus().getQuarantinedWorkers()).isEmpty();
    assertThat(
            harness
                .client()
                .apps()
                .deployments()
                .inNamespace("dry")
                .withName("dry-workers")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(2);
    assertThat(events("dry", "dry"))
        .contains("RestartWorkerDryRun")
        .doesNotContain("RestartWorker");
  }

  @Test
  void fastBurnSetsChaosToZeroThroughTheWorkersAdminApis() throws Exception {
    var fleet = harness.create(burnFleet("burn", "2s"));
    var token = harness.adminTokenFile(fleet);
    var w0 = harness.startWorker(fleet, "burn-workers-a", token, 128, List.of());
    var w1 = harness.startWorker(fleet, "burn-workers-b", token, 128, List.of());
    harness.serve(fleet, w0, w1);
    harness.startLoadgen(fleet, "burn-loadgen-a", token, List.of(w0, w1));

    await("errors injected by the operator")
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> hasErrors(w0, token) || hasErrors(w1, token));
    var onset = Instant.now();
    await("chaos at zero on every worker")
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> chaosOff(w0, token) && chaosOff(w1, token));
    var off = Instant.now();

    var abort = decision("burn", "burn", "abort_chaos", "fleet");
    assertThat(abort.getResult()).isEqualTo("applied");
    assertThat(abort.getTrigger()).isEqualTo("poll");
    // A young fleet has no budget to spare: its SLO window holds only the burning minutes, so
    // whichever of the two rules sees the numbers first aborts. Either way on the numbers.
    assertThat(abort.getRule()).isIn("fast-burn", "budget-exhausted");
    if (abort.getRule().equals("fast-burn")) {
      assertThat(Double.parseDouble(abort.getValues().get("burn_rate_5m"))).isGreaterThan(14.4);
      assertThat(Double.parseDouble(abort.getValues().get("burn_rate_1h"))).isGreaterThan(14.4);
    } else {
      assertThat(Double.parseDouble(abort.getValues().get("error_budget_remaining")))
          .isNotPositive();
    }
    var status = harness.fleet("burn", "burn").getStatus();
    assertThat(status.getChaosLevel()).isZero();
    assertThat(status.getSli().getBurnRate5m()).isGreaterThan(14.4);
    assertThat(
            harness
                .client()
                .configMaps()
                .inNamespace("burn")
                .withName("burn-chaos")
                .get()
                .getData()
                .get("chaos.json"))
        .contains("\"level\" : 0.0")
        .doesNotContain("errors");
    // the faults were on before: Prometheus saw them on both workers
    assertThat(
            harness
                .prometheus()
                .query(
                    "max_over_time(microscope_worker_chaos_active{namespace=\"burn\",fault=\"errors\"}[10m])"))
        .hasSize(2)
        .allSatisfy(s -> assertThat(s.value()).isEqualTo(1.0));
    var metrics = harness.scrapeOperator();
    assertThat(metrics)
        .contains(
            "microscope_operator_chaos_aborts_total{fleet=\"burn\",namespace=\"burn\",reason=\""
                + abort.getRule().replace('-', '_')
                + "\"} 1.0")
        .contains(
            "microscope_decisions_total{action=\"abort_chaos\",fleet=\"burn\",namespace=\"burn\",outcome=\"applied\"} 1.0")
        .contains("microscope_operator_prometheus_reachable{fleet=\"burn\",namespace=\"burn\"} 1.0")
        .contains("microscope_operator_chaos_level{fleet=\"burn\",namespace=\"burn\"} 0.0")
        .containsPattern(
            "microscope_operator_prometheus_queries_total\\{fleet=\"burn\",namespace=\"burn\",outcome=\"value\"} [1-9]")
        .containsPattern(
            "microscope_operator_signal_value\\{fleet=\"burn\",namespace=\"burn\",signal=\"burn_rate_5m\"} [0-9]")
        .contains("microscope_operator_control_cycle_duration_seconds_count{trigger=\"poll\"}");
    assertThat(events("burn", "burn")).contains("AbortChaos");
    report("fast burn -> chaos 0 on every worker", onset, off, "");
  }

  @Test
  void anAlertTriggersACycleAtOnce() throws Exception {
    var fleet = harness.create(burnFleet("alerting", "1h"));
    var token = harness.adminTokenFile(fleet);
    var w0 = harness.startWorker(fleet, "alerting-workers-a", token, 128, List.of());
    harness.serve(fleet, w0);
    harness.startLoadgen(fleet, "alerting-loadgen-a", token, List.of(w0));
    // with an hourly poll, a spec change is what makes the next cycle put the chaos on
    harness.edit("alerting", "alerting", f -> f.getSpec().getTraffic().setRate(21));
    await("errors injected by the operator")
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> hasErrors(w0, token));
    var onset = Instant.now();

    await("chaos at zero")
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> chaosOff(w0, token));
    var off = Instant.now();
    var abort = decision("alerting", "alerting", "abort_chaos", "fleet");
    assertThat(abort.getTrigger()).isEqualTo("alert:TestFastBurn");
    assertThat(abort.getRule()).isEqualTo("fast-burn");
    assertThat(abort.getResult()).isEqualTo("applied");
    var control = harness.fleet("alerting", "alerting").getStatus().getControl();
    assertThat(control.getLastTrigger()).isEqualTo("alert:TestFastBurn");
    // an hourly poll ran once (at creation), the spec change once: the many status writes and
    // dependent events in between ran no cycle
    assertThat(harness.scrapeOperator())
        .contains("microscope_operator_control_cycle_duration_seconds_count{trigger=\"poll\"} 1")
        .contains("microscope_operator_control_cycle_duration_seconds_count{trigger=\"change\"} 1")
        .contains("microscope_operator_control_cycle_duration_seconds_count{trigger=\"alert\"}");
    var received = harness.alertsReceived().get(0);
    report(
        "fast burn -> alert -> chaos 0",
        onset,
        off,
        "webhook received %.1f s after onset, decision %.1f s after the webhook"
            .formatted(
                seconds(onset, received), seconds(received, Instant.parse(abort.getTime()))));
  }

  @Test
  void pausingDropsChaosAtOnce() throws Exception {
    var fleet = fleet("paused", Mode.ENFORCE, "1h");
    var latency = new dev.microscope.operator.api.v1alpha1.LatencyFault();
    latency.setMinMs(1);
    latency.setProbability(0.1);
    fleet.getSpec().getChaos().setLatency(latency);
    fleet.getSpec().getChaos().getBlastRadius().setMaxShare(1.0);
    fleet = harness.create(fleet);
    var token = harness.adminTokenFile(fleet);
    var w0 = harness.startWorker(fleet, "paused-workers-a", token, 128, List.of());
    harness.serve(fleet, w0);
    harness.edit("paused", "paused", f -> f.getSpec().getTraffic().setRate(21));
    await("latency injected by the operator")
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> get(w0, "/admin/chaos", token).at("/workers/0/chaos/latency").isObject());

    harness.edit(
        "paused",
        "paused",
        f ->
            f.getMetadata().setAnnotations(java.util.Map.of(ChaosFleet.PAUSED_ANNOTATION, "true")));
    var paused = Instant.now();
    await("chaos at zero")
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> chaosOff(w0, token));
    var off = Instant.now();

    var abort = decision("paused", "paused", "abort_chaos", "fleet");
    assertThat(abort.getRule()).isEqualTo("paused");
    assertThat(abort.getTrigger()).isEqualTo("change");
    assertThat(harness.fleet("paused", "paused").getStatus().getChaosLevel()).isZero();
    report("pause annotation -> chaos 0", paused, off, "");
  }

  private static ChaosFleet leakFleet(String name, Mode mode) {
    var fleet = fleet(name, mode, "2s");
    var chaos = fleet.getSpec().getChaos();
    chaos.setMaxLevel(1.0);
    chaos.getAdaptive().setEnabled(false);
    chaos.getBlastRadius().setMaxShare(0.5);
    var leak = new MemoryLeakFault();
    leak.setBytesPerSecond(8 * MIB);
    leak.setMaxBytes(LEAK_MAX);
    chaos.setMemoryLeak(leak);
    return fleet;
  }

  private static ChaosFleet burnFleet(String name, String pollInterval) {
    var fleet = fleet(name, Mode.ENFORCE, pollInterval);
    var chaos = fleet.getSpec().getChaos();
    chaos.setMaxLevel(1.0);
    chaos.getAdaptive().setEnabled(true);
    chaos.getAdaptive().setInitialLevel(0.5);
    chaos.getBlastRadius().setMaxShare(1.0);
    var errors = new ErrorFault();
    errors.setRate(1.0);
    chaos.setErrors(errors);
    return fleet;
  }

  private static ChaosFleet fleet(String name, Mode mode, String pollInterval) {
    var fleet = ChaosFleet.withDefaultSpec();
    fleet.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(name).build());
    var spec = fleet.getSpec();
    spec.setMode(mode);
    spec.getPrometheus().setPollInterval(pollInterval);
    spec.getPrometheus().setQueryTimeout("1s");
    spec.getTraffic().setRate(20);
    spec.getTraffic().getMix().setSlow(0);
    return fleet;
  }

  private static String leakJson(int leaseSeconds) {
    return """
        {"leaseSeconds": %d, "level": 1, "memoryLeak": {"bytesPerSecond": %d, "maxBytes": %d}}
        """
        .formatted(leaseSeconds, 8 * MIB, LEAK_MAX);
  }

  /** The worker carrying the leak, or already deleted for it (its process stopped). */
  private Optional<WorkerJar> leakingOf(List<WorkerJar> workers, Path token) {
    return workers.stream().filter(w -> leaking(w, token)).findFirst();
  }

  private boolean leaking(WorkerJar worker, Path token) {
    try {
      return get(worker, "/admin/chaos", token).at("/workers/0/chaos/memoryLeak").isObject();
    } catch (java.io.UncheckedIOException e) {
      return harness.deletions().stream().anyMatch(d -> d.pod().equals(worker.name()));
    }
  }

  private static boolean hasErrors(WorkerJar worker, Path token) {
    return get(worker, "/admin/chaos", token).at("/workers/0/chaos/errors").isObject();
  }

  /** Level 0 and no fault section: what the operator sends to turn chaos off. */
  private static boolean chaosOff(WorkerJar worker, Path token) {
    var chaos = get(worker, "/admin/chaos", token).at("/workers/0/chaos");
    if (chaos.isNull() || chaos.isMissingNode()) {
      return true;
    }
    var names = new java.util.ArrayList<String>();
    chaos.fieldNames().forEachRemaining(names::add);
    return chaos.path("level").asDouble(-1) == 0
        && names.stream().allMatch(n -> Set.of("leaseSeconds", "level", "seed").contains(n));
  }

  private static JsonNode get(WorkerJar worker, String path, Path token) {
    var response =
        Http.send(
            HttpRequest.newBuilder(URI.create(worker.url(path)))
                .header("Authorization", "Bearer " + LoopHarness.token(token))
                .GET());
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static java.net.http.HttpResponse<String> put(
      WorkerJar worker, String path, String body, Path token) {
    return Http.send(
        HttpRequest.newBuilder(URI.create(worker.url(path)))
            .header("Authorization", "Bearer " + LoopHarness.token(token))
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  private DecisionEntry decision(String namespace, String name, String action, String target) {
    return await(action + " " + target + " in the decision log")
        .atMost(WAIT)
        .until(() -> findDecision(namespace, name, action, target), Optional::isPresent)
        .get();
  }

  private Optional<DecisionEntry> findDecision(
      String namespace, String name, String action, String target) {
    var status = harness.fleet(namespace, name).getStatus();
    if (status == null || status.getDecisions() == null) {
      return Optional.empty();
    }
    return status.getDecisions().stream()
        .filter(d -> action.equals(d.getAction()) && target.equals(d.getTarget()))
        .filter(d -> !"blocked".equals(d.getResult()))
        .findFirst();
  }

  private List<String> events(String namespace, String fleet) {
    return harness.client().v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> fleet.equals(e.getInvolvedObject().getName()))
        .map(io.fabric8.kubernetes.api.model.Event::getReason)
        .toList();
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  private static void report(String what, Instant from, Instant to, String more) {
    double s = seconds(from, to);
    System.out.printf("REACTION %s: %.1f s (%.1f scrape intervals of 1 s) %s%n", what, s, s, more);
  }
}
