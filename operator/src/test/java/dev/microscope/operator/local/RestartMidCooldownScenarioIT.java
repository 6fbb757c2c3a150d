package dev.microscope.operator.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microscope.operator.api.v1alpha1.DecisionEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 9: {@code microscope local} stopped and started again while its workers' restart
 * cooldowns run. The second run resumes the status from the run directory: the decision log and the
 * budgets are intact, and a worker found leaking again within its cooldown is not restarted a
 * second time.
 */
class RestartMidCooldownScenarioIT {
  @TempDir Path dir;

  @Test
  void aRestartedRunKeepsCooldownsAndBudgets() throws Exception {
    var options = Scenario.options(Scenario.fleet("cooldown"), dir.resolve("run"));
    List<String> restarted;
    Object memoryBefore;
    try (var s = Scenario.start(options)) {
      s.awaitHealthy();
      var names = s.serving().stream().map(h -> h.name()).toList();
      for (String name : names) {
        assertThat(s.awaitDecision("restart_worker", name::equals).getResult())
            .isEqualTo("applied");
      }
      restarted = names;
      memoryBefore = s.runtime().status().getControl().getMemory();
    }

    try (var s = Scenario.start(options)) {
      var resumed = s.runtime().status();
      assertThat(resumed).as("status resumed before any cycle").isNotNull();
      assertThat(resumed.getControl().getMemory()).isEqualTo(memoryBefore);
      assertThat(resumed.getDecisions())
          .filteredOn(
              d -> "restart_worker".equals(d.getAction()) && "applied".equals(d.getResult()))
          .extracting(DecisionEntry::getTarget)
          .containsExactlyInAnyOrderElementsOf(restarted);
      var started = Instant.now();
      s.awaitHealthy();
      var before = s.runtime().pids();
      // the same workers leak again: the loop wants to restart them, and the cooldown holds it back
      var held = s.awaitBlocked("restart_worker", restarted.get(0));
      var detected = Instant.now();
      assertThat(held.getReason()).containsIgnoringCase("cooldown");
      assertThat(s.runtime().pids()).isEqualTo(before);
      assertThat(s.runtime().status().getDecisions())
          .filteredOn(
              d -> "restart_worker".equals(d.getAction()) && "applied".equals(d.getResult()))
          .as("no second restart")
          .hasSize(restarted.size());
      ReactionLog.reaction(
              "9 restart mid-cooldown", "second run started -> repeat restart held back")
          .onset(started)
          .action(detected)
          .note("held: " + held.getReason())
          .record();
    }
  }
}
