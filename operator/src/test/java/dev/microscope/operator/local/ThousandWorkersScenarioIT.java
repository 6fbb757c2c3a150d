package dev.microscope.operator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.operator.loop.FleetPolicyMapper;
import dev.microscope.operator.prometheus.FleetScope;
import dev.microscope.operator.prometheus.SignalQueries;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 10: 1000 virtual workers (two processes of 500). The control loop sees every one of them
 * and still sends the same number of queries per cycle as for any fleet: one per signal, as its own
 * query counter shows.
 */
class ThousandWorkersScenarioIT {
  private static final Pattern QUERIES =
      Pattern.compile("(?m)^microscope_operator_prometheus_queries_total\\{[^}]*} ([0-9.E]+)$");
  private static final Pattern CYCLES =
      Pattern.compile(
          "(?m)^microscope_operator_control_cycle_duration_seconds_count\\{[^}]*} ([0-9.E]+)$");

  @TempDir Path dir;

  @Test
  void queriesPerCycleDoNotGrowWithWorkers() throws Exception {
    try (var s = Scenario.start(Scenario.options(Scenario.fleet("thousand"), dir.resolve("run")))) {
      s.awaitHealthy();
      await("all 1000 workers seen by Prometheus")
          .atMost(Scenario.WAIT)
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () ->
                  s
                      .query(
                          "count(microscope_worker_chaos_level{namespace=\"local\",fleet=\"thousand\"})")
                      .stream()
                      .anyMatch(e -> e.getValue() == 1000));
      assertThat(s.runtime().hosts().stream().mapToInt(h -> h.workers().size()).sum())
          .isEqualTo(1000);

      double q0 = sum(QUERIES, s.runtime().metrics());
      double c0 = sum(CYCLES, s.runtime().metrics());
      var from = Instant.now();
      await("five more cycles")
          .atMost(Scenario.WAIT)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> sum(CYCLES, s.runtime().metrics()) >= c0 + 5);
      double q1 = sum(QUERIES, s.runtime().metrics());
      double c1 = sum(CYCLES, s.runtime().metrics());
      double perCycle = (q1 - q0) / (c1 - c0);

      var fleet = s.runtime().fleet();
      var policy = FleetPolicyMapper.map(fleet.getSpec(), false);
      int planned =
          new SignalQueries(new FleetScope("local", "thousand"), policy.slo())
              .plan(policy.rules())
              .size();
      // at most one query per planned signal, whatever the worker count (the plan is made from
      // the policy alone); a cycle may skip some (e.g. a signal without a rule needing it)
      assertThat(perCycle)
          .as("queries per cycle with 1000 workers")
          .isBetween(1.0, (double) planned);
      var report = s.runtime().lastReport();
      assertThat(report.signals().pollFailed()).isFalse();
      System.out.printf(
          "QUERIES 1000 virtual workers: %.1f queries per cycle (the plan has %d), last cycle %d ms%n",
          perCycle, planned, report.took().toMillis());
      ReactionLog.reaction("10 1000 virtual workers", "five cycles")
          .onset(from)
          .action(Instant.now())
          .note(
              "%.1f queries per cycle, at most %d (the planned signals); last cycle took %d ms"
                  .formatted(perCycle, planned, report.took().toMillis()))
          .record();
    }
  }

  private static double sum(Pattern pattern, String metrics) {
    var m = pattern.matcher(metrics);
    double total = 0;
    while (m.find()) {
      total += Double.parseDouble(m.group(1));
    }
    return total;
  }
}
