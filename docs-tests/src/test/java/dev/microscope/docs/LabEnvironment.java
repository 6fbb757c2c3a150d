package dev.microscope.docs;

import static org.awaitility.Awaitility.await;

import dev.microscope.testkit.FixtureExporter;
import dev.microscope.testkit.PrometheusServer;
import dev.microscope.testkit.WorkerJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the labs' runnable blocks run against when they need a worker or Prometheus: one worker
 * process hosting three virtual workers of fleet {@code lab} (latencies scaled down ten times), a
 * traffic generator sending them 20 req/s, a stand-in for the operator that exports only the
 * fleet's SLO gauges (99% availability, 95% under 300 ms, 30 days), and a real Prometheus with the
 * project's rules scraping all of them and itself every second, with {@code namespace="local"} as
 * the local runtime's service discovery adds. Blocks see it through environment variables.
 */
final class LabEnvironment implements AutoCloseable {
  static final String FLEET = "lab";
  static final String NAMESPACE = "local";

  private final Path dir;
  private WorkerJar worker;
  private WorkerJar loadgen;
  private FixtureExporter operator;
  private PrometheusServer prometheus;

  private LabEnvironment(Path dir) {
    this.dir = dir;
  }

  static LabEnvironment start(Path dir) {
    var env = new LabEnvironment(dir);
    try {
      env.startAll();
      return env;
    } catch (RuntimeException e) {
      env.close();
      throw e;
    }
  }

  private void startAll() {
    Path token = dir.resolve("admin-token");
    createDirectories(dir);
    write(token, "lab-" + UUID.randomUUID());
    worker =
        WorkerJar.start(
            dir,
            "lab-worker",
            "worker",
            List.of(
                "--id",
                "w",
                "--workers",
                "3",
                "--fleet",
                FLEET,
                "--time-scale",
                "0.1",
                "--memory-limit",
                "256Mi",
                "--admin-token-file",
                token.toString()),
            Map.of());
    loadgen =
        WorkerJar.start(
            dir,
            "lab-loadgen",
            "loadgen",
            List.of(
                "--fleet",
                FLEET,
                "--targets",
                worker.hostPort(),
                "--rate",
                "20",
                "--admin-token-file",
                token.toString()),
            Map.of());
    var fleet = Map.of("namespace", NAMESPACE, "fleet", FLEET);
    operator =
        FixtureExporter.start()
            .set("microscope_fleet_slo_availability_objective", fleet, 0.99)
            .set("microscope_fleet_slo_latency_objective", fleet, 0.95)
            .set("microscope_fleet_slo_latency_threshold_seconds", fleet, 0.3)
            .set("microscope_fleet_slo_window_seconds", fleet, 2_592_000);
    var rules = RepoFiles.of("prometheus-rules");
    var builder =
        PrometheusServer.builder(dir.resolve("prometheus"))
            .ruleFile(rules.resolve("slo.rules.yml"))
            .ruleFile(rules.resolve("workers.rules.yml"))
            .ruleFile(rules.resolve("platform.rules.yml"))
            .ruleFile(rules.resolve("alerts.yml"))
            .staticJob(
                "microscope-workers", List.of(worker.hostPort()), Map.of("namespace", NAMESPACE))
            .staticJob(
                "microscope-loadgen", List.of(loadgen.hostPort()), Map.of("namespace", NAMESPACE))
            .staticJob("microscope-operator", List.of(operator.hostPort()), Map.of());
    prometheus = builder.start();
    prometheus.reload(
        builder
            .staticJob("prometheus", List.of("127.0.0.1:" + prometheus.port()), Map.of())
            .renderConfig());
    await("the lab's recording rules have traffic to work on")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                !prometheus
                        .query(
                            "namespace_fleet:microscope_availability_error_budget_burn:ratio_rate5m")
                        .isEmpty()
                    && !prometheus.query("up{job=\"prometheus\"} == 1").isEmpty());
  }

  PrometheusServer prometheus() {
    return prometheus;
  }

  /** The variables a block sees (documented in docs/labs/README.md). */
  Map<String, String> variables() {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("PROM", prometheus.url());
    vars.put("WORKER", worker.hostPort());
    vars.put("LOADGEN", loadgen.hostPort());
    vars.put("ADMIN_TOKEN_FILE", dir.resolve("admin-token").toString());
    vars.put("FLEET", FLEET);
    vars.put("NAMESPACE", NAMESPACE);
    return vars;
  }

  String logs() {
    return "worker:\n" + worker.logTail() + "\nloadgen:\n" + loadgen.logTail();
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops every part, also when one of them fails to stop. */
  @Override
  public void close() {
    RuntimeException first = null;
    for (AutoCloseable part : new AutoCloseable[] {prometheus, operator, loadgen, worker}) {
      try {
        if (part != null) {
          part.close();
        }
      } catch (Exception e) {
        if (first == null) {
          first = new IllegalStateException("cannot stop a lab process", e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
