package dev.microscope.operator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.operator.control.BuiltinSignal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 4: a worker hides its errors from its own metrics. Its clients' view gives it away: it
 * is flagged and quarantined (out of the traffic, kept running and scraped, replaced), and over the
 * whole run no honest worker is flagged.
 */
class LiarScenarioIT {
  @TempDir Path dir;

  @Test
  void theLiarAloneIsQuarantined() throws Exception {
    try (var s = Scenario.start(Scenario.options(Scenario.fleet("liar"), dir.resolve("run")))) {
      s.awaitHealthy();
      var liar =
          await("the control loop's lies on one worker")
              .atMost(Scenario.WAIT)
              .pollInterval(Duration.ofMillis(100))
              .until(
                  () ->
                      s.serving().stream()
                          .filter(h -> s.chaos(h).map(c -> c.has("lies")).orElse(false))
                          .findFirst(),
                  Optional::isPresent)
              .get();
      var onset = Instant.now();
      var honest = s.serving().stream().filter(h -> !h.name().equals(liar.name())).toList();
      long liarPid = s.runtime().pids().get(liar.name());

      var quarantine = s.awaitDecision("quarantine_worker", liar.name()::equals);
      assertThat(quarantine.getResult()).isEqualTo("applied");
      assertThat(quarantine.getRule()).isEqualTo("liar");
      await("a replacement serving")
          .atMost(Scenario.WAIT)
          .until(() -> s.serving().stream().filter(h -> h.ready()).count() == 3);
      var status = s.runtime().status();
      assertThat(status.getQuarantinedWorkers()).containsExactly(liar.name());
      assertThat(s.runtime().hosts())
          .filteredOn(h -> h.name().equals(liar.name()))
          .singleElement()
          .satisfies(h -> assertThat(h.quarantined()).isTrue());
      assertThat(s.runtime().pids().get(liar.name()))
          .as("kept running for evidence; decisions %s", s.decisionSummary())
          .isEqualTo(liarPid);
      assertThat(ProcessHandle.of(liarPid).map(ProcessHandle::isAlive)).contains(true);
      await("out of the traffic generator's targets")
          .atMost(Scenario.WAIT)
          .until(
              () ->
                  !Files.readString(s.runtime().runDir().resolve("traffic-targets.json"))
                      .contains(liar.admin().getAuthority()));
      for (var h : honest) {
        assertThat(s.findDecision("quarantine_worker", h.name()::equals)).isEmpty();
      }
      var honestScores =
          s.query(
              "max_over_time(namespace_fleet_instance_worker:microscope_worker_liar:score"
                  + "{namespace=\"local\",fleet=\"liar\",worker!=\""
                  + liar.name()
                  + "\"}[10m])");
      assertThat(honestScores).allSatisfy(e -> assertThat(e.getValue()).isLessThan(0.5));
      var decided = Instant.parse(quarantine.getTime());
      double threshold = s.policy().classification().liarScore();
      ReactionLog.reaction("4 lying worker", "lies on -> quarantined")
          .onset(onset)
          .detected(
              s.detected(
                  "(" + s.signal(BuiltinSignal.WORKER_LIAR_SCORE) + ") >= " + threshold,
                  labels -> liar.name().equals(labels.get("worker")),
                  onset,
                  decided),
              "liar score >= " + threshold)
          .action(decided)
          .within(0)
          .against(ReactionLog.Peer.HPA, ReactionLog.Peer.KEDA)
          .note(
              "liar score "
                  + quarantine.getValues().getOrDefault("worker_liar_score", "?")
                  + "; honest workers' highest score "
                  + honestScores.stream().mapToDouble(e -> e.getValue()).max().orElse(Double.NaN))
          .record();
    }
  }
}
