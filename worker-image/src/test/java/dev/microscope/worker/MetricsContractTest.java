package dev.microscope.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.loadgen.LoadgenApp;
import dev.microscope.loadgen.LoadgenFlags;
import dev.microscope.testkit.Http;
import dev.microscope.worker.metrics.LatencyBuckets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Pins the exact series names and label keys the worker and the traffic generator export to the
 * tables of docs/contract.md: rules and the operator depend on them.
 */
class MetricsContractTest {
  private static final Set<String> PROCESS_SERIES =
      Set.of(
          "process_resident_memory_bytes",
          "process_cpu_seconds_total",
          "process_start_time_seconds");

  @Test
  void theWorkerExportsExactlyTheContractsSeries() {
    ContractTables.Table table = ContractTables.table("Worker (every series");
    try (RunningWorker worker =
        RunningWorker.start("--workers", "2", "--memory-limit", "64Mi", "--time-scale", "0")) {
      everySeriesAppears(worker);

      ScrapedSeries scraped = ScrapedSeries.parse(worker.get("/metrics").body());

      assertMatches(table, scraped, "microscope_worker_");
      assertThat(table.buckets())
          .as("buckets in the contract")
          .isEqualTo(LatencyBuckets.upperBoundsSeconds());
    }
  }

  @Test
  void theTrafficGeneratorExportsExactlyTheContractsSeries() {
    ContractTables.Table table = ContractTables.table("Traffic generator (every series");
    try (RunningWorker worker = RunningWorker.start("--workers", "2", "--time-scale", "0");
        LoadgenApp loadgen =
            LoadgenApp.start(
                LoadgenFlags.parse(
                    List.of(
                        "--bind",
                        "127.0.0.1",
                        "--port",
                        "0",
                        "--rate",
                        "200",
                        "--targets",
                        worker.hostPort()),
                    Map.of()),
                InstantSource.system())) {
      String url = "http://127.0.0.1:" + loadgen.port() + "/metrics";
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                String body = Http.get(url).body();
                return body.contains("endpoint=\"/api/users\"")
                    && body.contains("endpoint=\"/api/orders\"")
                    && body.contains("endpoint=\"/api/slow\"");
              });

      assertMatches(table, ScrapedSeries.parse(Http.get(url).body()), "microscope_loadgen_");
    }
  }

  /** Drives the worker through every path that creates series: endpoints, faults, refusals. */
  private static void everySeriesAppears(RunningWorker worker) {
    worker.admin(
        "PUT",
        "/admin/chaos/worker-1",
        """
        {"level": 0.3, "errors": {"rate": 0.5}, "memoryLeak": {"bytesPerSecond": 1024},
         "cardinality": {"seriesPerSecond": 1000, "maxSeries": 5}}
        """);
    worker.get("/w/worker-0/api/users");
    worker.post(
        "/w/worker-0/api/orders", "{\"userId\": \"u\", \"items\": [{\"sku\": \"s\", \"qty\": 1}]}");
    worker.get("/w/worker-0/api/slow");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> worker.get("/metrics").body().contains("microscope_worker_cardinality_bomb{"));
  }

  private static void assertMatches(
      ContractTables.Table table, ScrapedSeries scraped, String prefix) {
    Set<String> ours =
        scraped.names().stream().filter(n -> n.startsWith(prefix)).collect(Collectors.toSet());
    Set<String> contracted =
        table.series().keySet().stream()
            .filter(n -> n.startsWith(prefix))
            .collect(Collectors.toSet());
    assertThat(ours).as("series named %s*", prefix).containsExactlyInAnyOrderElementsOf(contracted);

    table
        .series()
        .forEach(
            (name, keys) ->
                assertThat(scraped.labelKeys(name))
                    .as("label keys of %s", name)
                    .containsOnly(keys));

    for (String name : scraped.names()) {
      if (table.series().containsKey(name)) {
        continue;
      }
      assertThat(table.wildcardPrefixes())
          .as("%s is in the contract (exactly or by a wildcard row)", name)
          .anySatisfy(p -> assertThat(name).startsWith(p));
      assertThat(scraped.labelKeys(name))
          .as("every series of %s has fleet", name)
          .allSatisfy(k -> assertThat(k).contains("fleet"));
    }
    for (String name : PROCESS_SERIES) {
      if (table.series().containsKey(name)) {
        assertThat(scraped.names()).contains(name);
      }
    }
  }
}
