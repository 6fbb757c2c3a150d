package dev.microscope.operator.prometheus;

import static dev.microscope.operator.control.BuiltinSignal.WORKER_LEAK_BYTES_PER_SECOND;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_MEMORY_USAGE_RATIO;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_RESTARTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.operator.control.ActionType;
import dev.microscope.operator.control.SignalScope;
import dev.microscope.operator.control.Signals;
import dev.microscope.operator.control.Slo;
import dev.microscope.operator.control.UserRule;
import dev.microscope.testkit.FixtureExporter;
import dev.microscope.testkit.PrometheusServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cycle sends the same number of queries for 10 workers as for 1000. */
class QueryCountTest {
  private static final UserRule RULE =
      new UserRule(
          "slow-leak",
          "deriv(microscope_worker_memory_leaked_bytes{fleet=\"$fleet\"}[5m])",
          new UserRule.Condition(UserRule.Op.GT, 0),
          Duration.ZERO,
          SignalScope.WORKER,
          UserRule.MissingData.HOLD,
          UserRule.MissingData.HOLD,
          ActionType.NOTIFY,
          Map.of("message", "leaking"),
          Duration.ofMinutes(5),
          0);

  @TempDir Path dir;

  @Test
  void queriesPerCycleDoNotGrowWithWorkers() {
    try (FixtureExporter small = fleet("small", 10);
        FixtureExporter large = fleet("large", 1000);
        PrometheusServer prometheus =
            PrometheusServer.builder(dir)
                .staticJob(
                    "workers",
                    List.of(small.hostPort(), large.hostPort()),
                    Map.of("namespace", "lab"))
                .start()) {
      AtomicInteger queries = new AtomicInteger();
      PrometheusClient client =
          PrometheusClient.create(
              PrometheusConnection.of(URI.create(prometheus.url())),
              Thread::sleep,
              (promql, result, took) -> queries.incrementAndGet());
      SignalReader reader = new SignalReader(client);

      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  read(reader, "large").vector(WORKER_LEAK_BYTES_PER_SECOND).values().size() == 1000
                      && read(reader, "small").vector(WORKER_LEAK_BYTES_PER_SECOND).values().size()
                          == 10);

      queries.set(0);
      Signals smallSignals = read(reader, "small");
      int smallQueries = queries.getAndSet(0);
      long started = System.nanoTime();
      Signals largeSignals = read(reader, "large");
      Duration largeCycle = Duration.ofNanos(System.nanoTime() - started);
      int largeQueries = queries.get();

      int planned =
          new SignalQueries(new FleetScope("lab", "x"), Slo.defaults()).plan(List.of(RULE)).size();
      assertThat(smallQueries).isEqualTo(planned);
      assertThat(largeQueries).isEqualTo(smallQueries);
      assertThat(smallSignals.vector(WORKER_RESTARTS).values()).hasSize(10);
      assertThat(largeSignals.vector(WORKER_RESTARTS).values()).hasSize(1000);
      assertThat(largeSignals.vector(WORKER_MEMORY_USAGE_RATIO).values()).hasSize(1000);
      assertThat(largeSignals.vector(WORKER_LEAK_BYTES_PER_SECOND).values()).hasSize(1000);
      assertThat(largeSignals.rule("slow-leak").failureReason()).isEmpty();
      System.out.printf(
          "queries per cycle: %d for 10 workers, %d for 1000; 1000-worker cycle took %d ms%n",
          smallQueries, largeQueries, largeCycle.toMillis());
    }
  }

  private static Signals read(SignalReader reader, String fleet) {
    FleetScope scope = new FleetScope("lab", fleet);
    return reader.read(new SignalQueries(scope, Slo.defaults()).plan(List.of(RULE)), Instant.now());
  }

  /** One process hosting {@code workers} virtual workers of {@code fleet}. */
  private static FixtureExporter fleet(String fleet, int workers) {
    FixtureExporter exporter = FixtureExporter.start();
    exporter.set("process_resident_memory_bytes", Map.of("fleet", fleet), 100e6);
    exporter.set("microscope_worker_memory_limit_bytes", Map.of("fleet", fleet), 1e9);
    for (int i = 0; i < workers; i++) {
      Map<String, String> worker = Map.of("fleet", fleet, "worker", fleet + "-" + i);
      exporter.set("microscope_worker_start_time_seconds", worker, 1000);
      exporter.set("microscope_worker_memory_leaked_bytes", worker, i);
    }
    return exporter;
  }
}
