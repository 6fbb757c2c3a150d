package dev.microscope.operator.prometheus;

import static dev.microscope.operator.control.BuiltinSignal.WORKER_RESTARTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.operator.control.Slo;
import dev.microscope.operator.loop.FleetRef;
import dev.microscope.operator.observability.ControlMetrics;
import dev.microscope.testkit.FixtureExporter;
import dev.microscope.testkit.PrometheusServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prometheus queries per control cycle as a fleet grows from 10 to 100 to 1000 virtual workers, for
 * bench/operator/run (no {@code Test} suffix: not part of the suite; run with {@code
 * -Dtest=QueriesPerCycleBench}). The count is read from the operator's own counter,
 * microscope_operator_prometheus_queries_total, around each cycle of a real Prometheus. Writes one
 * JSON line per size to {@code target/bench/queries-per-cycle.jsonl}.
 */
class QueriesPerCycleBench {
  private static final Path OUT = Path.of("target", "bench", "queries-per-cycle.jsonl");
  private static final List<Integer> SIZES = List.of(10, 100, 1000);
  private static final int CYCLES = 5;

  @TempDir Path dir;

  @Test
  void queriesPerCycleStayFlat() throws IOException {
    Files.createDirectories(OUT.getParent());
    var exporters = new ArrayList<FixtureExporter>();
    try {
      for (int size : SIZES) {
        exporters.add(fleet("w" + size, size));
      }
      try (var prometheus =
          PrometheusServer.builder(dir)
              .staticJob(
                  "workers",
                  exporters.stream().map(FixtureExporter::hostPort).toList(),
                  Map.of("namespace", "lab"))
              .start()) {
        var lines = new StringBuilder();
        for (int size : SIZES) {
          lines.append(measure(prometheus, size)).append('\n');
        }
        Files.writeString(OUT, lines);
      }
    } finally {
      exporters.forEach(FixtureExporter::close);
    }
  }

  private static String measure(PrometheusServer prometheus, int size) {
    var registry = new SimpleMeterRegistry();
    var metrics = new ControlMetrics(registry);
    var ref = new FleetRef("lab", "w" + size);
    var client =
        PrometheusClient.create(
            PrometheusConnection.of(URI.create(prometheus.url())),
            Thread::sleep,
            metrics.queries(ref));
    var reader = new SignalReader(client);
    var plan = new SignalQueries(new FleetScope("lab", ref.name()), Slo.defaults()).plan(List.of());
    await("Prometheus holds all " + size + " workers")
        .atMost(Duration.ofSeconds(120))
        .until(
            () -> reader.read(plan, Instant.now()).vector(WORKER_RESTARTS).values().size() == size);
    var perCycle = new ArrayList<Double>();
    var millis = new ArrayList<Long>();
    for (int i = 0; i < CYCLES; i++) {
      double before = queries(registry);
      long start = System.nanoTime();
      var signals = reader.read(plan, Instant.now());
      millis.add((System.nanoTime() - start) / 1_000_000);
      perCycle.add(queries(registry) - before);
      assertThat(signals.vector(WORKER_RESTARTS).values()).hasSize(size);
    }
    return String.format(
        Locale.ROOT,
        "{\"workers\":%d,\"queriesPerCycle\":%s,\"cycleMillis\":%s}",
        size,
        perCycle.stream().map(q -> String.valueOf(q.longValue())).toList(),
        millis);
  }

  private static double queries(SimpleMeterRegistry registry) {
    return registry.find("microscope_operator_prometheus_queries").counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  /** One process hosting {@code workers} virtual workers of {@code fleet}. */
  private static FixtureExporter fleet(String fleet, int workers) {
    var exporter = FixtureExporter.start();
    exporter.set("process_resident_memory_bytes", Map.of("fleet", fleet), 100e6);
    exporter.set("microscope_worker_memory_limit_bytes", Map.of("fleet", fleet), 1e9);
    for (int i = 0; i < workers; i++) {
      var worker = Map.of("fleet", fleet, "worker", fleet + "-" + i);
      exporter.set("microscope_worker_start_time_seconds", worker, 1000);
      exporter.set("microscope_worker_requests_total", worker, i);
    }
    return exporter;
  }
}
