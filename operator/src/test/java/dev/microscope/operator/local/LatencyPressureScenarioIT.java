package dev.microscope.operator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.operator.api.v1alpha1.DecisionEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 7: latency SLO pressure under load scales the fleet out within its bounds; when the load
 * falls the fleet scales back in, but only once the scale-down stabilization window allows it.
 */
class LatencyPressureScenarioIT {
  private static final Duration STABILIZATION = Duration.ofSeconds(20);

  @TempDir Path dir;

  @Test
  void latencyUnderLoadScalesOutAndTheFleetScalesInOnlyAfterStabilization() throws Exception {
    try (var s = Scenario.start(Scenario.options(Scenario.fleet("latency"), dir.resolve("run")))) {
      s.awaitHealthy();
      await("CPU load and latency on a worker")
          .atMost(Scenario.WAIT)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  s.serving().stream()
                      .anyMatch(
                          h ->
                              s.chaos(h).map(c -> c.has("cpu") && c.has("latency")).orElse(false)));
      var onset = Instant.now();

      var out = awaitScale(s, replicas -> replicas > 2, "a scale-out");
      var outAt = Instant.now();
      assertThat(out.getReason()).contains("mean CPU saturation");

      await("the fleet at most at workers.max")
          .atMost(Scenario.WAIT)
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(
              () -> assertThat(s.serving()).as(s.decisionSummary()).hasSizeBetween(3, 4));

      // every worker burns for its first 45 s: the load is gone once no worker burns any more
      await("the load gone")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> cpuBurning(s) == 0);
      var loadGone = Instant.now();

      await("a scale-in held back by the stabilization")
          .atMost(Scenario.WAIT)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  s.runtime().status().getDecisions().stream()
                      .anyMatch(
                          d ->
                              "scale".equals(d.getAction())
                                  && "blocked".equals(d.getResult())
                                  && d.getReason().contains("scale-down stabilization")));
      var in = awaitScale(s, replicas -> replicas == 2, "the scale-in to workers.min");
      var inAt = Instant.now();
      assertThat(Duration.between(loadGone, inAt))
          .as("load gone -> scale-in, against a stabilization of %s", STABILIZATION)
          .isGreaterThanOrEqualTo(STABILIZATION.minus(Duration.ofSeconds(3)));
      assertThat(in.getResult()).isEqualTo("applied");
      assertThat(s.runtime().hosts())
          .as("honest workers, slow on purpose, are not liars: %s", s.decisionSummary())
          .noneMatch(dev.microscope.operator.loop.WorkerHost::quarantined);

      ReactionLog.record(
          "7 latency pressure",
          "latency under load -> scale-out",
          onset,
          outAt,
          3 * Scenario.SCRAPE.toSeconds(),
          "to " + out.getParameters().get("replicas") + " workers: " + out.getReason());
      ReactionLog.record(
          "7 latency pressure",
          "load gone -> scale-in",
          loadGone,
          inAt,
          STABILIZATION.toSeconds() + 3 * Scenario.SCRAPE.toSeconds(),
          "held by the scale-down stabilization of " + STABILIZATION.toSeconds() + " s");
    }
  }

  /** Workers whose CPU fault still spins, as Prometheus last saw them. */
  private static int cpuBurning(Scenario s) {
    return (int)
        s.query("microscope_worker_chaos_active{fleet=\"latency\",fault=\"cpu\"} == 1").stream()
            .count();
  }

  /** An applied scale decision to a count {@code replicas} accepts. */
  private static DecisionEntry awaitScale(Scenario s, IntPredicate replicas, String what) {
    return await(what + " in the decision log")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              var status = s.runtime().status();
              return status == null || status.getDecisions() == null
                  ? Optional.<DecisionEntry>empty()
                  : status.getDecisions().stream()
                      .filter(d -> "scale".equals(d.getAction()))
                      .filter(d -> "applied".equals(d.getResult()))
                      .filter(
                          d -> replicas.test(Integer.parseInt(d.getParameters().get("replicas"))))
                      .findFirst();
            },
            Optional::isPresent)
        .get();
  }
}
