package dev.microscope.operator.prometheus;

import static dev.microscope.operator.control.BuiltinSignal.WORKER_RESTARTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.operator.control.Slo;
import dev.microscope.testkit.FixtureExporter;
import dev.microscope.testkit.PrometheusServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fleet names that would break or rewrite a query if pasted into it: each selects exactly its own
 * series in a real Prometheus, and one written as an injection selects nothing.
 */
class HostileLabelValuesTest {
  private static final List<String> HOSTILE =
      List.of(
          "quote\"inside",
          "back\\slash\\",
          "new\nline",
          "tab\tand\rreturn",
          "x\"} or vector(1) or up{job=\"",
          "ünïcødé ✓ {}[]()",
          "$fleet and $namespace");

  @TempDir Path dir;

  @Test
  void everyHostileFleetNameSelectsExactlyItsOwnSeries() {
    try (FixtureExporter exporter = FixtureExporter.start()) {
      for (int i = 0; i < HOSTILE.size(); i++) {
        exporter.set(
            "microscope_worker_start_time_seconds",
            Map.of("fleet", HOSTILE.get(i), "worker", "w-" + i),
            1000 + i);
      }
      exporter.set(
          "microscope_worker_start_time_seconds", Map.of("fleet", "x", "worker", "plain"), 1);
      try (PrometheusServer prometheus =
          PrometheusServer.builder(dir)
              .staticJob("workers", List.of(exporter.hostPort()), Map.of("namespace", "lab"))
              .start()) {
        PrometheusClient client =
            PrometheusClient.create(PrometheusConnection.of(URI.create(prometheus.url())));
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    prometheus.query("microscope_worker_start_time_seconds").size()
                        == HOSTILE.size() + 1);

        for (int i = 0; i < HOSTILE.size(); i++) {
          FleetScope scope = new FleetScope("lab", HOSTILE.get(i));
          QueryResult result =
              client.query(scope.series("microscope_worker_start_time_seconds").toString());
          int index = i;
          assertThat(result)
              .as(HOSTILE.get(i))
              .isInstanceOfSatisfying(
                  QueryResult.Value.class,
                  v ->
                      assertThat(v.series())
                          .singleElement()
                          .satisfies(
                              s -> {
                                assertThat(s.label("fleet")).isEqualTo(HOSTILE.get(index));
                                assertThat(s.label("worker")).isEqualTo("w-" + index);
                              }));

          // The whole signal plan, and a user rule's $fleet, stay within the fleet too.
          var signals =
              new SignalReader(client)
                  .read(new SignalQueries(scope, Slo.defaults()).plan(List.of()), Instant.now());
          assertThat(signals.vector(WORKER_RESTARTS).values())
              .as(HOSTILE.get(i))
              .containsOnlyKeys("w-" + i);
          assertThat(
                  client.query(
                      scope.render(
                          "count(microscope_worker_start_time_seconds{fleet=\"$fleet\",namespace=\"$namespace\"})")))
              .isInstanceOfSatisfying(
                  QueryResult.Value.class, v -> assertThat(v.single()).isEqualTo(1.0));
        }
        // Written as an injection, a fleet name that exists nowhere selects nothing at all.
        FleetScope injection = new FleetScope("lab", "x\"} or vector(1) or {__name__=~\".+");
        assertThat(
                client.query(injection.series("microscope_worker_start_time_seconds").toString()))
            .isInstanceOf(QueryResult.NoData.class);
      }
    }
  }
}
