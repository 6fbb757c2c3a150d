package dev.microscope.operator.prometheus;

import static org.awaitility.Awaitility.await;

import dev.microscope.testkit.FixtureExporter;
import dev.microscope.testkit.PrometheusServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Two fleets of known series, scraped every second by a real Prometheus, with counters driven at a
 * steady pace (one tick every 100 ms), so every signal's expected value can be computed by hand
 * from the numbers here.
 *
 * <p>Fleet {@code f1} (namespace {@code lab}): process A hosts workers a-0 and a-1, process B hosts
 * b-0; a traffic generator reports what it sent to each. Per tick:
 *
 * <pre>
 *            worker says                          traffic generator saw
 *   a-0      9 x 2xx, 1 x 5xx, mean 0.2s          9 x 2xx, 1 x 5xx, mean 0.2s   (honest)
 *   a-1      10 x 2xx, mean 0.01s                 4 x 2xx, mean 0.1s            (inflates traffic, hides latency)
 *   b-0      8 x 2xx, 2 x 5xx, 12 errors, 0.1s    8 x 2xx, 2 x 5xx, mean 0.1s   (more errors than requests)
 * </pre>
 *
 * Latency buckets per tick (cumulative): a-0 le 0.1: 5, 0.25: 9, 0.3: 9, 0.5: 10, +Inf: 10; a-1 and
 * b-0 all 10 requests within 0.1. Memory limit 1 GiB: A holds 600 MiB, B grows from 900 MiB at 1
 * MiB/s (b-0 leaks 1 MiB/s). CPU: A 0.25, B 0.8.
 *
 * <p>Fleet {@code f2}: process C hosts c-0 (its request counter goes backwards once, no restart)
 * and c-1 (restarted three times); C holds 1100 MiB of a 1 GiB limit and uses 0.5 of its 2 CPUs,
 * reported only as CPU seconds. Process D hosts d-0 and is stopped: its target is down.
 */
final class FixtureFleet implements AutoCloseable {
  static final String NAMESPACE = "lab";
  static final long MIB = 1024 * 1024;
  static final long LIMIT = 1024 * MIB;
  static final double B_START_MIB = 900;
  static final double LEAK_MIB_PER_SECOND = 1;

  final FixtureExporter a = FixtureExporter.start();
  final FixtureExporter b = FixtureExporter.start();
  final FixtureExporter c = FixtureExporter.start();
  final FixtureExporter d = FixtureExporter.start();
  final FixtureExporter loadgen = FixtureExporter.start();
  final PrometheusServer prometheus;
  private volatile boolean dStopped;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
  private final long startNanos = System.nanoTime();
  private volatile boolean c0Counting;

  FixtureFleet(Path dir) throws Exception {
    try {
      prometheus = start(dir);
      tick();
      ticker.scheduleAtFixedRate(this::tick, 100, 100, TimeUnit.MILLISECONDS);
      restartC1ThreeTimes();
      resetC0Counter();
      stopD();
    } catch (Exception | Error e) {
      close();
      throw e;
    }
  }

  private PrometheusServer start(Path dir) throws Exception {
    staticSeries();
    Path rules = dir.resolve("rules.yml");
    Files.createDirectories(dir);
    Files.writeString(rules, RULES);
    return PrometheusServer.builder(dir.resolve("prometheus"))
        .ruleFile(rules)
        .staticJob(
            "workers",
            List.of(a.hostPort(), b.hostPort(), c.hostPort(), d.hostPort()),
            Map.of("namespace", NAMESPACE))
        .staticJob("loadgen", List.of(loadgen.hostPort()), Map.of("namespace", NAMESPACE))
        .start();
  }

  /**
   * Recording rules standing in for prometheus-rules/: a burn rate that only a rule could give
   * (42), and a per-worker error ratio for a-0 only, to show rules win and raw fills the gaps.
   */
  private static final String RULES =
      """
      groups:
        - name: fixture
          rules:
            - record: %s
              expr: vector(42)
              labels: {namespace: lab, fleet: f1}
            - record: %s
              expr: vector(0.5)
              labels: {namespace: lab, fleet: f1, instance: "elsewhere:1", worker: a-0}
      """
          .formatted(
              RecordingRules.burnRate(dev.microscope.operator.control.BurnWindow.M5),
              RecordingRules.WORKER_ERROR_RATIO);

  double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** B's resident memory now, in bytes. */
  double bResidentBytes() {
    return (B_START_MIB + LEAK_MIB_PER_SECOND * elapsedSeconds()) * MIB;
  }

  private void staticSeries() {
    for (String w : List.of("a-0", "a-1")) {
      a.set("microscope_worker_start_time_seconds", labels("f1", w), 1000);
    }
    a.set("process_resident_memory_bytes", labels("f1"), 600 * MIB);
    a.set("microscope_worker_memory_limit_bytes", labels("f1"), LIMIT);
    a.set("process_cpu_usage", labels("f1"), 0.25);
    a.set("microscope_worker_memory_leaked_bytes", labels("f1", "a-0"), 0);

    b.set("microscope_worker_start_time_seconds", labels("f1", "b-0"), 1000);
    b.set("microscope_worker_memory_limit_bytes", labels("f1"), LIMIT);
    b.set("process_cpu_usage", labels("f1"), 0.8);

    c.set("microscope_worker_start_time_seconds", labels("f2", "c-0"), 1000);
    c.set("microscope_worker_start_time_seconds", labels("f2", "c-1"), 1000);
    c.set("process_resident_memory_bytes", labels("f2"), 1100 * MIB);
    c.set("microscope_worker_memory_limit_bytes", labels("f2"), LIMIT);
    c.set("system_cpu_count", labels("f2"), 2);
    c.set("microscope_worker_requests_total", requests("f2", "c-0", "2xx"), 1000);

    d.set("microscope_worker_start_time_seconds", labels("f2", "d-0"), 1000);
  }

  private void tick() {
    double t = elapsedSeconds();
    b.set("process_resident_memory_bytes", labels("f1"), bResidentBytes());
    b.set(
        "microscope_worker_memory_leaked_bytes",
        labels("f1", "b-0"),
        LEAK_MIB_PER_SECOND * MIB * t);
    c.set("process_cpu_seconds_total", labels("f2"), 0.5 * t);

    worker(a, "a-0", 9, 1, 2.0, new double[] {5, 9, 9, 10, 10});
    a.add("microscope_worker_errors_total", errors("f1", "a-0"), 1);
    worker(a, "a-1", 10, 0, 0.1, new double[] {10, 10, 10, 10, 10});
    worker(b, "b-0", 8, 2, 1.0, new double[] {10, 10, 10, 10, 10});
    b.add("microscope_worker_errors_total", errors("f1", "b-0"), 12);

    sent("a-0", 9, 1, 2.0);
    sent("a-1", 4, 0, 0.4);
    sent("b-0", 8, 2, 1.0);
    if (c0Counting) {
      c.add("microscope_worker_requests_total", requests("f2", "c-0", "2xx"), 10);
    }
  }

  private static final String[] BOUNDS = {"0.1", "0.25", "0.3", "0.5", "+Inf"};

  private static void worker(
      FixtureExporter e, String w, int ok, int failed, double seconds, double[] buckets) {
    e.add("microscope_worker_requests_total", requests("f1", w, "2xx"), ok);
    if (failed > 0) {
      e.add("microscope_worker_requests_total", requests("f1", w, "5xx"), failed);
    }
    for (int i = 0; i < BOUNDS.length; i++) {
      Map<String, String> l = endpoint("f1", w);
      l.put("le", BOUNDS[i]);
      e.add("microscope_worker_request_duration_seconds_bucket", l, buckets[i]);
    }
    e.add("microscope_worker_request_duration_seconds_sum", endpoint("f1", w), seconds);
    e.add("microscope_worker_request_duration_seconds_count", endpoint("f1", w), ok + failed);
  }

  private void sent(String w, int ok, int failed, double seconds) {
    Map<String, String> l = labels("f1", w);
    l.put("endpoint", "/api/users");
    Map<String, String> okLabels = new HashMap<>(l);
    okLabels.put("code_class", "2xx");
    loadgen.add("microscope_loadgen_requests_total", okLabels, ok);
    if (failed > 0) {
      Map<String, String> failedLabels = new HashMap<>(l);
      failedLabels.put("code_class", "5xx");
      loadgen.add("microscope_loadgen_requests_total", failedLabels, failed);
    }
    loadgen.add("microscope_loadgen_request_duration_seconds_sum", l, seconds);
    loadgen.add("microscope_loadgen_request_duration_seconds_count", l, ok + failed);
  }

  private void restartC1ThreeTimes() {
    awaitScraped("microscope_worker_start_time_seconds{worker=\"c-1\"}", 1000);
    for (int start = 2000; start <= 4000; start += 1000) {
      c.set("microscope_worker_start_time_seconds", labels("f2", "c-1"), start);
      awaitScraped("microscope_worker_start_time_seconds{worker=\"c-1\"}", start);
    }
  }

  private void resetC0Counter() {
    awaitScraped("microscope_worker_requests_total{worker=\"c-0\"}", 1000);
    c.set("microscope_worker_requests_total", requests("f2", "c-0", "2xx"), 10);
    awaitScraped("microscope_worker_requests_total{worker=\"c-0\"}", 10);
    c0Counting = true;
  }

  private void stopD() {
    awaitScraped("up{instance=\"" + d.hostPort() + "\"}", 1);
    d.close();
    dStopped = true;
    awaitScraped("up{instance=\"" + d.hostPort() + "\"}", 0);
  }

  private void awaitScraped(String promql, double value) {
    await("Prometheus sees " + promql + " = " + value)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> prometheus.value(promql) == value);
  }

  static Map<String, String> labels(String fleet) {
    Map<String, String> l = new HashMap<>();
    l.put("fleet", fleet);
    return l;
  }

  static Map<String, String> labels(String fleet, String worker) {
    Map<String, String> l = labels(fleet);
    l.put("worker", worker);
    return l;
  }

  private static Map<String, String> endpoint(String fleet, String worker) {
    Map<String, String> l = labels(fleet, worker);
    l.put("endpoint", "/api/users");
    l.put("method", "GET");
    return l;
  }

  private static Map<String, String> requests(String fleet, String worker, String codeClass) {
    Map<String, String> l = endpoint(fleet, worker);
    l.put("code_class", codeClass);
    return l;
  }

  private static Map<String, String> errors(String fleet, String worker) {
    Map<String, String> l = endpoint(fleet, worker);
    l.put("reason", "profile");
    return l;
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    try (PrometheusServer ignoredPrometheus = prometheus;
        FixtureExporter ignoredA = a;
        FixtureExporter ignoredB = b;
        FixtureExporter ignoredC = c;
        FixtureExporter ignoredD = dStopped ? null : d;
        FixtureExporter ignoredL = loadgen) {
      // closes everything, in reverse order, even if one close fails
    }
  }
}
