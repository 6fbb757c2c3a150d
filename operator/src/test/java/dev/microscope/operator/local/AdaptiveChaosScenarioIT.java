package dev.microscope.operator.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microscope.operator.api.v1alpha1.DecisionEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 3: adaptive chaos. The level climbs step by step while the error budget is healthy,
 * backs off once the burn shows, and a chaos tolerance score is reported.
 */
class AdaptiveChaosScenarioIT {
  @TempDir Path dir;

  @Test
  void levelClimbsWhileHealthyAndBacksOffOnBurn() throws Exception {
    try (var s = Scenario.start(Scenario.options(Scenario.fleet("adaptive"), dir.resolve("run")))) {
      s.awaitHealthy();
      var started = Instant.now();
      var backOff =
          org.awaitility.Awaitility.await("the level backing off")
              .atMost(Scenario.WAIT)
              .pollInterval(java.time.Duration.ofMillis(200))
              .until(() -> backOff(s), java.util.Optional::isPresent)
              .get();
      var status = s.runtime().status();
      List<DecisionEntry> climbs =
          status.getDecisions().stream()
              .filter(
                  d -> "chaos-escalation".equals(d.getRule()) && "applied".equals(d.getResult()))
              .toList();
      assertThat(climbs)
          .as("escalations before the back-off; %s", s.decisionSummary())
          .isNotEmpty();
      assertThat(Instant.parse(climbs.get(0).getTime())).isBefore(Instant.parse(backOff.getTime()));
      assertThat(backOff.getRule()).isIn("slow-burn", "fast-burn", "budget-exhausted");
      double peak =
          climbs.stream()
              .mapToDouble(d -> Double.parseDouble(d.getParameters().getOrDefault("level", "0")))
              .max()
              .orElse(0);
      assertThat(peak).as("above the initial level").isGreaterThan(0.01);
      assertThat(status.getChaosLevel()).isLessThan(peak);
      assertThat(status.getScores().getChaosTolerance())
          .as("tolerance score reported")
          .isNotNull()
          .isGreaterThan(0);
      ReactionLog.reaction("3 adaptive chaos", "first climb -> back-off on burn")
          .onset(Instant.parse(climbs.get(0).getTime()))
          .action(Instant.parse(backOff.getTime()))
          .note(
              "%d climbs to level %.3f, back-off by %s; tolerance score %.3f (run started %s)"
                  .formatted(
                      climbs.size(),
                      peak,
                      backOff.getRule(),
                      status.getScores().getChaosTolerance(),
                      started))
          .record();
    }
  }

  private static java.util.Optional<DecisionEntry> backOff(Scenario s) {
    var status = s.runtime().status();
    if (status == null || status.getDecisions() == null) {
      return java.util.Optional.empty();
    }
    return status.getDecisions().stream()
        .filter(d -> "applied".equals(d.getResult()))
        .filter(
            d ->
                "abort_chaos".equals(d.getAction())
                    || ("set_chaos".equals(d.getAction()) && "slow-burn".equals(d.getRule())))
        .findFirst();
  }
}
