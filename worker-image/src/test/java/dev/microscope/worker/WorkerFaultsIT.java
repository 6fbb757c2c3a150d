package dev.microscope.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.testkit.Http;
import dev.microscope.testkit.PrometheusServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus (1 s scrapes) watches a worker process hosting six virtual workers and a
 * traffic generator sending to them. Each test breaks one worker and shows the fault in PromQL over
 * what Prometheus scraped.
 */
class WorkerFaultsIT {
  private static final String TOKEN = "it-token-5678";
  private static final long MIB = 1 << 20;

  @TempDir static Path dir;
  private static JarProcess worker;
  private static JarProcess loadgen;
  private static PrometheusServer prometheus;

  @BeforeAll
  static void startEverything() throws IOException {
    Path token = Files.writeString(dir.resolve("token"), TOKEN);
    // No profile errors and short latencies: any error or slowness below is the fault's.
    Path profiles =
        Files.writeString(
            dir.resolve("profiles.json"),
            """
            {"endpoints": {"/api/users": {"minMs": 5, "maxMs": 20, "errorRate": 0},
                           "/api/orders": {"minMs": 5, "maxMs": 20, "errorRate": 0},
                           "/api/slow": {"minMs": 50, "maxMs": 100, "errorRate": 0}}}
            """);
    worker =
        JarProcess.start(
            dir.resolve("worker"),
            "worker",
            "worker",
            List.of(
                "--workers",
                "6",
                "--id",
                "w",
                "--fleet",
                "it",
                "--seed",
                "7",
                "--profiles",
                profiles.toString(),
                "--admin-token-file",
                token.toString()),
            Map.of());
    loadgen =
        JarProcess.start(
            dir.resolve("loadgen"),
            "loadgen",
            "loadgen",
            List.of(
                "--fleet", "it", "--seed", "7", "--rate", "120", "--targets", worker.hostPort()),
            Map.of());
    prometheus =
        PrometheusServer.builder(dir.resolve("prometheus"))
            .staticJob("worker", List.of(worker.hostPort()), Map.of())
            .staticJob("loadgen", List.of(loadgen.hostPort()), Map.of())
            .start();
    await("traffic seen by Prometheus")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> value("sum(rate(microscope_worker_requests_total[5s]))") > 50);
  }

  @AfterAll
  static void stopEverything() {
    for (AutoCloseable c : new AutoCloseable[] {prometheus, loadgen, worker}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // keep stopping the others
      }
    }
  }

  @AfterEach
  void clearChaos() {
    admin("DELETE", "/admin/chaos", null);
  }

  private static double value(String promql) {
    double v = prometheus.value(promql);
    return Double.isNaN(v) ? -1 : v;
  }

  private static HttpResponse<String> admin(String method, String path, String body) {
    return Http.send(
        HttpRequest.newBuilder(URI.create(worker.url(path)))
            .header("Authorization", "Bearer " + TOKEN)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)));
  }

  private static void chaos(String workerId, String json) {
    assertThat(admin("PUT", "/admin/chaos/" + workerId, json).statusCode()).isEqualTo(200);
  }

  private static void eventually(String what, Callable<Boolean> condition) {
    await(what).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(condition);
  }

  private static String errorRatio(String metric, String workerId) {
    return "sum(rate("
        + metric
        + "{worker=\""
        + workerId
        + "\",code_class=\"5xx\"}[5s]))"
        + " / sum(rate("
        + metric
        + "{worker=\""
        + workerId
        + "\"}[5s]))";
  }

  @Test
  void theErrorRateRisesAfterAnErrorFault() {
    assertThat(value(errorRatio("microscope_worker_requests_total", "w-0"))).isZero();

    chaos("w-0", "{\"leaseSeconds\": 300, \"errors\": {\"rate\": 0.5}}");

    eventually(
        "w-0 error ratio near 0.5",
        () -> value(errorRatio("microscope_worker_requests_total", "w-0")) > 0.3);
    assertThat(
            value("sum(rate(microscope_worker_errors_total{worker=\"w-0\",reason=\"chaos\"}[5s]))"))
        .isPositive();
    assertThat(value("microscope_worker_chaos_active{worker=\"w-0\",fault=\"errors\"}"))
        .isEqualTo(1);
    assertThat(value(errorRatio("microscope_worker_requests_total", "w-5")))
        .as("other workers")
        .isZero();
  }

  @Test
  void aLyingWorkersErrorRateDiffersFromWhatTheTrafficGeneratorSaw() {
    chaos(
        "w-1",
        "{\"leaseSeconds\": 300, \"errors\": {\"rate\": 0.5}, \"lies\": {\"hideErrors\": true}}");

    eventually(
        "the traffic generator sees w-1 fail",
        () -> value(errorRatio("microscope_loadgen_requests_total", "w-1")) > 0.3);
    assertThat(value(errorRatio("microscope_worker_requests_total", "w-1")))
        .as("what w-1 itself reports")
        .isZero();
  }

  @Test
  void aLatencyFaultRaisesTheP99() {
    String p99 =
        "histogram_quantile(0.99, sum by (le) (rate(microscope_worker_request_duration_seconds_bucket{worker=\"w-2\"}[5s])))";
    assertThat(value(p99)).isLessThan(0.3);

    chaos(
        "w-2",
        "{\"leaseSeconds\": 300, \"latency\": {\"distribution\": \"fixed\", \"minMs\": 800}}");

    eventually("w-2 p99 above 0.7 s", () -> value(p99) > 0.7);
    String clientP99 =
        "histogram_quantile(0.99, sum by (le)"
            + " (rate(microscope_loadgen_request_duration_seconds_bucket{worker=\"w-2\"}[5s])))";
    eventually("and the client agrees", () -> value(clientP99) > 0.7);
  }

  @Test
  void leakedMemoryGrowsAtTheConfiguredSlopeAndShowsInTheHeap() {
    String heap = "min_over_time(sum(jvm_memory_used_bytes{job=\"worker\",area=\"heap\"})[5s:1s])";
    double heapBefore = value(heap);

    chaos(
        "w-3",
        "{\"leaseSeconds\": 300, \"memoryLeak\": {\"bytesPerSecond\": 4194304, \"maxBytes\": 83886080}}");

    eventually(
        "a slope over 10 s of leaking",
        () -> value("microscope_worker_memory_leaked_bytes{worker=\"w-3\"}") > 48 * MIB);
    assertThat(value("deriv(microscope_worker_memory_leaked_bytes{worker=\"w-3\"}[8s])"))
        .isBetween(3.0 * MIB, 5.0 * MIB);
    eventually(
        "the cap reached",
        () -> value("microscope_worker_memory_leaked_bytes{worker=\"w-3\"}") == 80 * MIB);
    eventually("the heap holds it", () -> value(heap) > heapBefore + 50 * MIB);

    admin("DELETE", "/admin/chaos/w-3", null);
    eventually(
        "released", () -> value("microscope_worker_memory_leaked_bytes{worker=\"w-3\"}") == 0);
  }

  @Test
  void aCpuFaultRaisesTheProcessCpuRate() {
    String cpu = "rate(process_cpu_seconds_total{job=\"worker\"}[5s])";
    double before = value(cpu);

    chaos(
        "w-4",
        "{\"leaseSeconds\": 300, \"cpu\": {\"cores\": 1, \"dutyCycle\": 1, \"durationSeconds\": 120}}");

    eventually("the worker burns an extra half core at least", () -> value(cpu) > before + 0.5);
  }

  @Test
  void aCardinalityFaultRaisesTheSeriesCount() {
    String scraped = "scrape_samples_scraped{job=\"worker\"}";
    double before = value(scraped);

    chaos(
        "w-5",
        "{\"leaseSeconds\": 300, \"cardinality\": {\"seriesPerSecond\": 200, \"maxSeries\": 1000}}");

    eventually(
        "1000 bomb series",
        () -> value("count(microscope_worker_cardinality_bomb{worker=\"w-5\"})") == 1000);
    assertThat(value(scraped)).isGreaterThan(before + 900);
  }
}
