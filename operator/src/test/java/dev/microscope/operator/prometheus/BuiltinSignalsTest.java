package dev.microscope.operator.prometheus;

import static dev.microscope.operator.control.BuiltinSignal.*;
import static dev.microscope.operator.prometheus.FixtureFleet.LIMIT;
import static dev.microscope.operator.prometheus.FixtureFleet.MIB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.microscope.operator.control.BuiltinSignal;
import dev.microscope.operator.control.BurnWindow;
import dev.microscope.operator.control.Reading;
import dev.microscope.operator.control.SignalScope;
import dev.microscope.operator.control.Signals;
import dev.microscope.operator.control.Slo;
import dev.microscope.operator.control.VectorReading;
import dev.microscope.testkit.Http;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each built-in signal's PromQL against a real Prometheus scraping {@link FixtureFleet}: the
 * expected numbers are computed by hand from the fixture's per-tick increments. Counters move in
 * ticks that a scrape can catch half-way, hence small tolerances on rates.
 */
class BuiltinSignalsTest {
  private static final Slo SLO = new Slo(0.99, 0.3, 0.95, Duration.ofDays(30));
  @TempDir static Path dir;
  private static FixtureFleet fleet;
  private static SignalReader reader;

  @BeforeAll
  static void start() throws Exception {
    fleet = new FixtureFleet(dir);
    reader =
        new SignalReader(
            PrometheusClient.create(PrometheusConnection.of(URI.create(fleet.prometheus.url()))));
  }

  @AfterAll
  static void stop() {
    if (fleet != null) {
      fleet.close();
    }
  }

  private static Signals read(String fleetName) {
    FleetScope scope = new FleetScope(FixtureFleet.NAMESPACE, fleetName);
    return reader.read(new SignalQueries(scope, SLO).plan(List.of()), Instant.now());
  }

  private static void eventually(String fleetName, ThrowingConsumer<Signals> assertion) {
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(() -> assertion.accept(read(fleetName)));
  }

  private static double value(Reading r) {
    assertThat(r).isInstanceOf(Reading.Value.class);
    return r.orNaN();
  }

  @Test
  void burnRatesAreTheFleetErrorRatioOverTheBudgetAndARuleWinsOverTheRawExpression() {
    // 3 x 5xx of 30 requests per tick = 0.1; budget 1 - 0.99 = 0.01; burn 10 in every window.
    eventually(
        "f1",
        s -> {
          assertThat(value(s.burnRate(BurnWindow.M5))).isEqualTo(42.0);
          for (BurnWindow w :
              List.of(
                  BurnWindow.M30,
                  BurnWindow.H1,
                  BurnWindow.H2,
                  BurnWindow.H6,
                  BurnWindow.D1,
                  BurnWindow.D3)) {
            assertThat(value(s.burnRate(w))).as(w.label()).isCloseTo(10.0, within(0.2));
          }
          // 1 - 0.1 / 0.01 over the 30d SLO window: the budget is overspent ninefold.
          assertThat(value(s.fleet(ERROR_BUDGET_REMAINING))).isCloseTo(-9.0, within(0.2));
        });
  }

  @Test
  void latencyP99AndSloViolationInterpolateInTheBuckets() {
    // Fleet per tick: 25 <= 0.1, 29 <= 0.25, 29 <= 0.3, 30 <= 0.5. p99 = rank 29.7 within
    // (0.3, 0.5]: 0.3 + 0.2 * 0.7 = 0.44. Slower than 0.3: 1 of 30.
    eventually(
        "f1",
        s -> {
          assertThat(value(s.fleet(LATENCY_P99_SECONDS))).isCloseTo(0.44, within(0.01));
          assertThat(value(s.fleet(LATENCY_SLO_VIOLATION_RATIO)))
              .isCloseTo(1.0 / 30, within(0.002));
          // a-0: rank 9.9 within (0.3, 0.5]: 0.48; a-1: rank 9.9 within (0, 0.1]: 0.099.
          assertThat(value(s.worker(WORKER_LATENCY_P99_SECONDS, "a-0")))
              .isCloseTo(0.48, within(0.01));
          assertThat(value(s.worker(WORKER_LATENCY_P99_SECONDS, "a-1")))
              .isCloseTo(0.099, within(0.002));
        });
  }

  @Test
  void workerErrorRatioTakesTheRuleWhereItExistsAndRawElsewhere() {
    eventually(
        "f1",
        s -> {
          assertThat(value(s.worker(WORKER_ERROR_RATIO, "a-0"))).isEqualTo(0.5);
          assertThat(value(s.worker(WORKER_ERROR_RATIO, "a-1"))).isEqualTo(0.0);
          assertThat(value(s.worker(WORKER_ERROR_RATIO, "b-0"))).isCloseTo(0.2, within(0.005));
        });
  }

  @Test
  void memoryAgainstTheLimitAndTimeToLimit() {
    eventually(
        "f1",
        s -> {
          // A: 600 MiB of 1 GiB, flat: never reaches the limit (+Inf, a value, not no data).
          assertThat(value(s.worker(WORKER_MEMORY_USAGE_RATIO, "a-0"))).isEqualTo(600.0 / 1024);
          assertThat(value(s.worker(WORKER_MEMORY_USAGE_RATIO, "a-1"))).isEqualTo(600.0 / 1024);
          assertThat(value(s.worker(WORKER_MEMORY_TIME_TO_LIMIT_SECONDS, "a-0")))
              .isEqualTo(Double.POSITIVE_INFINITY);
          // B grows 1 MiB/s: (limit - resident now) / slope seconds.
          double expected = (LIMIT - fleet.bResidentBytes()) / MIB;
          assertThat(value(s.worker(WORKER_MEMORY_TIME_TO_LIMIT_SECONDS, "b-0")))
              .isCloseTo(expected, within(5.0));
          assertThat(value(s.worker(WORKER_MEMORY_USAGE_RATIO, "b-0")))
              .isCloseTo(fleet.bResidentBytes() / LIMIT, within(0.01));
          assertThat(value(s.worker(WORKER_LEAK_BYTES_PER_SECOND, "b-0")))
              .isCloseTo((double) MIB, within(0.05 * MIB));
          assertThat(value(s.worker(WORKER_LEAK_BYTES_PER_SECOND, "a-0"))).isEqualTo(0.0);
          assertThat(s.worker(WORKER_LEAK_BYTES_PER_SECOND, "a-1"))
              .isInstanceOf(Reading.NoData.class);
        });
    eventually(
        "f2",
        s -> {
          // C: 1100 MiB of 1 GiB, flat: over the limit already, time to limit 0.
          assertThat(value(s.worker(WORKER_MEMORY_USAGE_RATIO, "c-0"))).isEqualTo(1100.0 / 1024);
          assertThat(value(s.worker(WORKER_MEMORY_TIME_TO_LIMIT_SECONDS, "c-1"))).isEqualTo(0.0);
        });
  }

  @Test
  void cpuSaturationFromTheUsageGaugeOrFromCpuSeconds() {
    eventually(
        "f1",
        s -> {
          assertThat(value(s.worker(WORKER_CPU_SATURATION, "a-1"))).isEqualTo(0.25);
          assertThat(value(s.worker(WORKER_CPU_SATURATION, "b-0"))).isEqualTo(0.8);
        });
    // C reports only process_cpu_seconds_total growing 0.5/s, with 2 CPUs: 0.25 (once a whole
    // minute of samples fills the rate's range; until then rate() divides by the full range).
    eventually(
        "f2",
        s ->
            assertThat(value(s.worker(WORKER_CPU_SATURATION, "c-0")))
                .isCloseTo(0.25, within(0.03)));
  }

  @Test
  void liarScoreIsTheStrongestComponentAndKeepsThemAll() {
    eventually(
        "f1",
        s -> {
          VectorReading liar = s.vector(WORKER_LIAR_SCORE);
          assertThat(value(liar.get("a-0"))).isLessThan(0.05);
          // a-1 says 10/tick, was sent 4: over-counting 1 - 4/10; its mean 0.01s against the
          // clients' 0.1s: 1 - 0.01/0.1. Its clients saw no 5xx: no errors comparison.
          assertThat(value(liar.get("a-1"))).isCloseTo(0.9, within(0.02));
          assertThat(liar.detailsOf("a-1").get("traffic")).isCloseTo(0.6, within(0.02));
          assertThat(liar.detailsOf("a-1").get("latency")).isCloseTo(0.9, within(0.02));
          assertThat(liar.detailsOf("a-1")).doesNotContainKey("errors");
          // a-0 and b-0 count the 5xx their clients got
          assertThat(liar.detailsOf("a-0").get("errors")).isCloseTo(0.0, within(0.02));
          assertThat(liar.detailsOf("b-0").get("errors")).isCloseTo(0.0, within(0.02));
          // b-0 counts 12 errors for 10 requests: (12 - 10) / 10.
          assertThat(value(liar.get("b-0"))).isCloseTo(0.2, within(0.02));
          assertThat(liar.detailsOf("b-0").get("errors_above_requests"))
              .isCloseTo(0.2, within(0.02));
        });
    // c-0's counter went from 1000 back to 10 without its start time changing.
    eventually(
        "f2",
        s -> {
          assertThat(value(s.worker(WORKER_LIAR_SCORE, "c-0"))).isEqualTo(1.0);
          assertThat(s.vector(WORKER_LIAR_SCORE).detailsOf("c-0"))
              .containsEntry("counter_reset", 1.0);
        });
  }

  @Test
  void restartsAndUpAreReadPerWorker() {
    eventually(
        "f2",
        s -> {
          assertThat(value(s.worker(WORKER_RESTARTS, "c-1"))).isEqualTo(3.0);
          assertThat(value(s.worker(WORKER_RESTARTS, "c-0"))).isEqualTo(0.0);
          assertThat(value(s.worker(WORKER_UP, "c-0"))).isEqualTo(1.0);
          assertThat(value(s.worker(WORKER_UP, "d-0"))).isEqualTo(0.0);
        });
  }

  @Test
  void seriesPerTargetComeFromPrometheusOwnScrapeMetrics() {
    int a = linesOf(fleet.a.hostPort());
    int b = linesOf(fleet.b.hostPort());
    eventually(
        "f1",
        s -> {
          assertThat(value(s.worker(WORKER_TARGET_SERIES, "a-0"))).isEqualTo(a);
          assertThat(value(s.worker(WORKER_TARGET_SERIES, "a-1"))).isEqualTo(a);
          assertThat(value(s.worker(WORKER_TARGET_SERIES, "b-0"))).isEqualTo(b);
          // Every series of the target appeared within the last 5 minutes.
          assertThat(value(s.worker(WORKER_SERIES_ADDED, "b-0"))).isEqualTo(b);
        });
  }

  @Test
  void aFleetWithoutSeriesHasNoDataAndNoZeros() {
    Signals s = read("nobody");
    assertThat(s.pollFailed()).isFalse();
    for (BuiltinSignal signal : BuiltinSignal.values()) {
      if (signal.scope() == SignalScope.FLEET) {
        assertThat(s.fleet(signal)).as(signal.metricName()).isInstanceOf(Reading.NoData.class);
      } else {
        assertThat(s.vector(signal).values()).as(signal.metricName()).isEmpty();
        assertThat(s.vector(signal).failureReason()).as(signal.metricName()).isEmpty();
      }
    }
  }

  private static int linesOf(String hostPort) {
    return (int) Http.get("http://" + hostPort + "/metrics").body().lines().count();
  }
}
