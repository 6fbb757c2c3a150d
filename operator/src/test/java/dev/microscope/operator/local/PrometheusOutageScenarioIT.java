package dev.microscope.operator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 6: Prometheus is killed. Within failure threshold x poll interval the fleet is in safe
 * mode (chaos 0 on every worker, no scaling); once Prometheus is back, normal operation resumes by
 * itself.
 */
class PrometheusOutageScenarioIT {
  @TempDir Path dir;

  @Test
  void safeModeWhileBlindAndBackByItself() throws Exception {
    try (var s = Scenario.start(Scenario.options(Scenario.fleet("blind"), dir.resolve("run")))) {
      s.awaitHealthy();
      await("latency chaos on the workers")
          .atMost(Scenario.WAIT)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  s.serving().stream()
                      .allMatch(h -> s.chaos(h).map(c -> c.has("latency")).orElse(false)));
      int replicas = s.runtime().status().getWorkers().getReplicas();

      ProcessHandle.of(s.runtime().prometheusPid()).orElseThrow().destroyForcibly();
      var killed = Instant.now();
      await("safe mode")
          .atMost(Scenario.WAIT)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> s.runtime().lastReport().result().summary().safeMode());
      var safe = Instant.now();
      await("chaos off on every worker")
          .atMost(Scenario.WAIT)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> s.serving().stream().allMatch(h -> ErrorBurstScenarioIT.chaosOff(s, h)));
      var off = Instant.now();
      assertThat(s.runtime().status().getChaosLevel()).isZero();
      assertThat(s.runtime().status().getWorkers().getReplicas()).isEqualTo(replicas);
      var abort = s.awaitDecision("abort_chaos", "fleet"::equals);
      assertThat(abort.getRule()).isEqualTo("safe-mode");

      s.runtime().restartPrometheus();
      var back = Instant.now();
      await("safe mode over")
          .atMost(Scenario.WAIT)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> !s.runtime().lastReport().result().summary().safeMode());
      var resumed = Instant.now();
      await("latency chaos back on the workers")
          .atMost(Scenario.WAIT)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  s.serving().stream()
                      .anyMatch(h -> s.chaos(h).map(c -> c.has("latency")).orElse(false)));
      assertThat(s.runtime().status().getWorkers().getReplicas()).isEqualTo(replicas);

      var prometheus = s.runtime().fleet().getSpec().getPrometheus();
      double budget = prometheus.getFailureThreshold() * 1.0 + 3 * Scenario.SCRAPE.toSeconds();
      ReactionLog.reaction("6 Prometheus killed", "kill -> safe mode")
          .onset(killed)
          .detected(killed, "the first query that fails")
          .action(safe)
          .budget(budget)
          .note(
              "failure threshold %d x poll 1 s; chaos 0 on every worker %.1f s after the kill;"
                      .formatted(
                          prometheus.getFailureThreshold(),
                          Duration.between(killed, off).toMillis() / 1000.0)
                  + " peers' defaults: no action (HPA holds, KEDA falls back only if configured)")
          .record();
      ReactionLog.reaction("6 Prometheus killed", "Prometheus back -> normal operation")
          .onset(back)
          .detected(back, "Prometheus ready")
          .action(resumed)
          .within(0)
          .record();
    }
  }
}
