package dev.microscope.operator.control;

import static dev.microscope.operator.control.BuiltinSignal.WORKER_CPU_SATURATION;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_MEMORY_TIME_TO_LIMIT_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The memory the status carries: it round-trips, tolerates gaps, and stays small. */
class ControlMemoryTest {
  private static final UserRule PENDING =
      new UserRule(
          "pending",
          "q",
          new UserRule.Condition(UserRule.Op.GT, 0),
          Duration.ofHours(1),
          SignalScope.WORKER,
          UserRule.MissingData.HOLD,
          UserRule.MissingData.HOLD,
          ActionType.NOTIFY,
          Map.of("message", "m"),
          Duration.ZERO,
          0);

  /**
   * A day of polls every 15 seconds over 20 workers, with restarts, quarantines, memory kills,
   * chaos moves, scaling, a pending rule and Prometheus outages: the worst a status must hold.
   */
  private static Loop busyDay() {
    FleetPolicy policy =
        FleetPolicy.defaults()
            .withRules(List.of(PENDING))
            .withChaos(
                ChaosPolicy.defaults()
                    .withFaults(TestFaults.BASE)
                    .withBlastRadius(new ChaosPolicy.BlastRadius(1, Duration.ofMinutes(10))))
            .withSafety(
                SafetyPolicy.defaults()
                    .withMaxPerHour(ActionType.RESTART_WORKER, 1000)
                    .withMaxPerHour(ActionType.NOTIFY, 1000)
                    .withWorkerCooldown(Duration.ZERO))
            .withWorkers(new WorkerBounds(1, 40));
    Loop loop = new Loop(policy, TestFleet.of(20));
    Random random = new Random(7);
    for (int poll = 0; poll < 24 * 60 * 4; poll++) {
      if (random.nextInt(100) < 3) {
        loop.poll(TestSignals.down(loop.now));
      } else {
        TestSignals s = TestSignals.healthy(TestFleet.ids(20));
        for (String w : TestFleet.ids(20)) {
          s.worker(WORKER_CPU_SATURATION, w, random.nextDouble());
          if (random.nextInt(20) == 0) {
            s.worker(WORKER_MEMORY_TIME_TO_LIMIT_SECONDS, w, 60);
          }
        }
        s.burn(BurnWindow.M5, random.nextDouble() * 3).burn(BurnWindow.H1, random.nextDouble() * 2);
        s.rule("pending", VectorReading.of(Map.of("w-1", 1.0, "w-2", 1.0)));
        loop.poll(s);
      }
      if (poll % 200 == 0) {
        int worker = random.nextInt(20);
        loop.observed =
            TestFleet.with(
                loop.observed, loop.observed.workers().get(worker).withMemoryKills(poll / 200));
      }
      loop.after(Duration.ofSeconds(15));
    }
    return loop;
  }

  @Test
  void aBusyDayOfMemoryRoundTripsThroughJsonAndStaysSmall() {
    ControlMemory memory = busyDay().memory;
    String json = MemoryJson.write(memory);
    assertThat(MemoryJson.read(json)).isEqualTo(memory);
    assertThat(memory.actions()).isNotEmpty().hasSizeLessThanOrEqualTo(ControlMemory.MAX_ACTIONS);
    assertThat(memory.chaos().history())
        .hasSizeLessThanOrEqualTo(ControlMemory.ChaosMemory.MAX_HISTORY);
    assertThat(memory.memoryKills().at())
        .hasSizeLessThanOrEqualTo(ControlMemory.MemoryKills.MAX_KILLS);
    assertThat(memory.scale().recommendations()).hasSizeLessThanOrEqualTo(40);
    assertThat(memory.pendingSince()).containsOnlyKeys("pending/w-1", "pending/w-2");
    assertThat(json.length()).isLessThan(48 * 1024);
    System.out.printf(
        "memory after a busy day: %d bytes of JSON, %d actions%n",
        json.length(), memory.actions().size());
  }

  @Test
  void missingFieldsReadAsEmpty() {
    assertThat(MemoryJson.read("{}")).isEqualTo(ControlMemory.empty());
    ControlMemory partial =
        MemoryJson.read("{\"chaos\":{\"level\":0.3,\"changedAt\":\"2030-01-01T00:00:00Z\"}}");
    assertThat(partial.chaos().level()).isEqualTo(0.3);
    assertThat(partial.chaos().history()).isEmpty();
    assertThat(partial.actions()).isEmpty();
    assertThat(partial.prometheus()).isEqualTo(ControlMemory.PrometheusHealth.healthy());
  }

  @Test
  void listsAreCappedKeepingTheNewest() {
    Instant t = Loop.T0;
    List<ControlMemory.ActionRecord> actions = new ArrayList<>();
    List<ControlMemory.LevelChange> history = new ArrayList<>();
    List<Instant> kills = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      actions.add(
          new ControlMemory.ActionRecord(ActionType.NOTIFY, "fleet", "r", t.plusSeconds(i)));
      history.add(new ControlMemory.LevelChange(t.plusSeconds(i), 0.1, "r"));
      kills.add(t.plusSeconds(i));
    }
    ControlMemory memory =
        ControlMemory.empty()
            .withActions(actions)
            .withChaos(new ControlMemory.ChaosMemory(0, Map.of(), null, null, null, 0, history))
            .withMemoryKills(new ControlMemory.MemoryKills(Map.of(), kills));
    assertThat(memory.actions())
        .hasSize(256)
        .first()
        .extracting(ControlMemory.ActionRecord::at)
        .isEqualTo(t.plusSeconds(44));
    assertThat(memory.chaos().history())
        .hasSize(20)
        .last()
        .extracting(ControlMemory.LevelChange::at)
        .isEqualTo(t.plusSeconds(299));
    assertThat(memory.memoryKills().at()).hasSize(16).first().isEqualTo(t.plusSeconds(284));
  }

  @Test
  void scaleRecommendationsKeepOnlyWhatCanStillBeTheWindowsMaximum() {
    ControlMemory.ScaleHistory h = ControlMemory.ScaleHistory.empty();
    Duration window = Duration.ofMinutes(5);
    int[] recs = {5, 3, 4, 2, 2, 6, 1};
    for (int i = 0; i < recs.length; i++) {
      h = ScaleStabilizer.record(h, recs[i], Loop.T0.plusSeconds(30L * i), window);
    }
    assertThat(h.recommendations())
        .extracting(ControlMemory.Recommendation::replicas)
        .containsExactly(6, 1);
    assertThat(ScaleStabilizer.floor(h, 6, Loop.T0.plusSeconds(180), window)).isEqualTo(6);
  }
}
