package dev.microscope.operator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.operator.control.BuiltinSignal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 1: a worker leaks memory; the control loop predicts it reaches its limit and restarts
 * that worker alone, before a real out-of-memory error. Scenario 8: the same in DryRun, where the
 * same decision is recorded and nothing is applied.
 */
class MemoryLeakScenarioIT {
  private static final long LIMIT = 320L * 1024 * 1024;

  @TempDir Path dir;

  @Test
  void leakingWorkerAloneIsRestartedBeforeItsLimit() throws Exception {
    var started = Instant.now();
    try (var s = Scenario.start(Scenario.options(Scenario.fleet("leak"), dir.resolve("run")))) {
      s.awaitHealthy();
      var before = s.runtime().pids();
      // the control loop puts the leak on one worker (the blast radius allows one of two); after a
      // restart it may put it on the other, so the worker is the one the first restart names
      var restart = s.awaitDecision("restart_worker", target -> true);
      var leaking =
          s.runtime().hosts().stream()
              .filter(h -> h.name().equals(restart.getTarget()))
              .findFirst()
              .orElseThrow();
      var healthy =
          s.runtime().hosts().stream()
              .filter(h -> !h.name().equals(leaking.name()))
              .findFirst()
              .orElseThrow();
      var decided = Instant.parse(restart.getTime());
      // fails unless Prometheus saw the leak on that worker before the decision
      var onset =
          s.detected(
              "microscope_worker_chaos_active{namespace=\"local\",fleet=\"leak\",fault=\"memory_leak\"} == 1",
              labels -> leaking.name().equals(labels.get("worker")),
              started,
              decided);

      await("a new process for " + leaking.name())
          .atMost(Scenario.WAIT)
          .until(
              () ->
                  !Objects.equals(
                      s.runtime().pids().get(leaking.name()), before.get(leaking.name())));
      var replaced = Instant.now();

      assertThat(restart.getRule()).isEqualTo("about-to-oom");
      assertThat(restart.getResult()).isEqualTo("applied");
      double predicted =
          Double.parseDouble(restart.getValues().get("worker_memory_time_to_limit_seconds"));
      assertThat(predicted).as("predicted seconds to the limit").isLessThan(600);
      assertThat(s.findDecision("restart_worker", healthy.name()::equals)).isEmpty();
      assertThat(s.runtime().pids().get(healthy.name())).isEqualTo(before.get(healthy.name()));
      assertThat(s.runtime().hosts()).allSatisfy(h -> assertThat(h.memoryKills()).isZero());
      var peak =
          s.query(
              "max_over_time(process_resident_memory_bytes{namespace=\"local\",pod=\""
                  + leaking.name()
                  + "\"}[10m])");
      assertThat(peak).isNotEmpty();
      assertThat(peak.get(0).getValue())
          .as("peak resident memory of the leaking worker")
          .isLessThan(LIMIT);
      ReactionLog.reaction("1 memory leak", "leak on -> restart decided")
          .onset(onset)
          .detected(aboutToOom(s, leaking.name(), onset, decided), "time to the limit < horizon")
          .action(decided)
          .within(0)
          .against(ReactionLog.Peer.HPA, ReactionLog.Peer.KEDA)
          .note(
              "predicted %.0f s to the limit; peak RSS %.0f MiB of %d MiB; new process %.1f s after the decision"
                  .formatted(
                      predicted,
                      peak.get(0).getValue() / (1 << 20),
                      LIMIT >> 20,
                      Duration.between(decided, replaced).toMillis() / 1000.0))
          .record();
    }
  }

  @Test
  void dryRunRecordsTheSameDecisionAndAppliesNothing() throws Exception {
    var base = Scenario.options(Scenario.fleet("leak"), dir.resolve("run"));
    var options =
        new LocalOptions(
            base.fleetFile(),
            base.runDir(),
            null,
            null,
            base.workerJar(),
            base.rulesDir(),
            base.scrapeInterval(),
            base.alertForScale(),
            true,
            null,
            0);
    try (var s = Scenario.start(options)) {
      s.awaitHealthy();
      var before = s.runtime().pids();
      var target = s.serving().get(0);
      // DryRun sends nothing to the workers: the leak is put on by hand
      var answer =
          s.admin(
              "PUT",
              target.admin(),
              "/admin/chaos",
              "{\"leaseSeconds\": 600, \"level\": 1, \"memoryLeak\": {\"bytesPerSecond\": 2097152, \"maxBytes\": 209715200}}");
      assertThat(answer.at("/workers/0/chaos/memoryLeak").isObject()).isTrue();
      var onset = Instant.now();

      var decision = s.awaitDecision("restart_worker", target.name()::equals);
      assertThat(decision.getRule()).isEqualTo("about-to-oom");
      assertThat(decision.getResult()).isEqualTo("dry_run");
      assertThat(decision.getDryRun()).isTrue();
      assertThat(s.runtime().pids()).isEqualTo(before);
      assertThat(s.chaos(target).orElseThrow().at("/memoryLeak/bytesPerSecond").asLong())
          .as("the worker keeps the leak nobody stopped")
          .isEqualTo(2097152L);
      assertThat(s.runtime().status().getDecisions())
          .allSatisfy(d -> assertThat(d.getResult()).isNotEqualTo("applied"));
      var decided = Instant.parse(decision.getTime());
      ReactionLog.reaction("8 dry run", "leak on -> dry-run restart recorded")
          .onset(onset)
          .detected(aboutToOom(s, target.name(), onset, decided), "time to the limit < horizon")
          .action(decided)
          .within(0)
          .note("nothing applied: same processes, leak still on")
          .record();
    }
  }

  /** When the control loop's own memory signal first put the worker inside the OOM horizon. */
  static Instant aboutToOom(Scenario s, String worker, Instant from, Instant to) {
    long horizon = s.policy().classification().oomHorizon().toSeconds();
    return s.detected(
        "(" + s.signal(BuiltinSignal.WORKER_MEMORY_TIME_TO_LIMIT_SECONDS) + ") < " + horizon,
        labels -> worker.equals(labels.get("worker")),
        from,
        to);
  }
}
