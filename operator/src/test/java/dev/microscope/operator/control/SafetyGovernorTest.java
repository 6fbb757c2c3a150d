package dev.microscope.operator.control;

import static dev.microscope.operator.control.BuiltinSignal.WORKER_CPU_SATURATION;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_MEMORY_TIME_TO_LIMIT_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Modes, pause, budgets, cooldowns, blast radius, scaling limits and safe mode, over sequences. */
class SafetyGovernorTest {
  private static final FleetPolicy POLICY =
      FleetPolicy.defaults().withChaos(ChaosPolicy.defaults().withFaults(TestFaults.BASE));

  private static TestSignals oom(int workers, String... leaking) {
    TestSignals s = TestSignals.healthy(TestFleet.ids(workers));
    for (String w : leaking) {
      s.worker(WORKER_MEMORY_TIME_TO_LIMIT_SECONDS, w, 120);
    }
    return s;
  }

  private static ControlMemory.ChaosMemory level(double level, Loop loop) {
    return new ControlMemory.ChaosMemory(
        level, Map.of(), loop.now.minus(Duration.ofHours(1)), null, null, 0, List.of());
  }

  /** What a decision says, without how it ended: to compare Enforce with DryRun. */
  private static List<String> what(List<Decision> decisions) {
    return decisions.stream()
        .map(
            d ->
                d.action()
                    + " "
                    + d.target()
                    + " "
                    + d.parameters()
                    + " "
                    + d.rule()
                    + " "
                    + d.values())
        .toList();
  }

  @Test
  void dryRunRecordsExactlyWhatEnforceDecidesAndAppliesNothing() {
    List<List<Decision>> enforce = run(POLICY);
    List<List<Decision>> dryRun = run(POLICY.withMode(Mode.DRY_RUN));
    assertThat(enforce.stream().mapToInt(List::size).sum()).isGreaterThan(3);
    for (int i = 0; i < enforce.size(); i++) {
      assertThat(what(dryRun.get(i))).as("poll %d", i).isEqualTo(what(enforce.get(i)));
      assertThat(dryRun.get(i))
          .allSatisfy(
              d -> {
                assertThat(d.dryRun()).isTrue();
                assertThat(d.outcome()).isIn(Decision.Outcome.DRY_RUN, Decision.Outcome.BLOCKED);
              });
      assertThat(enforce.get(i))
          .allSatisfy(d -> assertThat(d.outcome()).isNotEqualTo(Decision.Outcome.DRY_RUN));
    }
  }

  /** 12 polls a minute apart: a leak on w-0 throughout, a liar from minute 3, a fast burn at 8. */
  private static List<List<Decision>> run(FleetPolicy policy) {
    Loop loop = new Loop(policy, TestFleet.of(4));
    loop.memory = ControlMemory.empty().withChaos(level(0.3, loop));
    List<List<Decision>> all = new ArrayList<>();
    for (int minute = 0; minute < 12; minute++) {
      TestSignals s = oom(4, "w-0");
      if (minute >= 3) {
        s.liar("w-2", Map.of("traffic", 1.0));
      }
      if (minute == 8) {
        s.burn(BurnWindow.M5, 20).burn(BurnWindow.H1, 20);
      }
      ControlResult r = loop.poll(s);
      assertThat(r.chaos().apply()).isEqualTo(policy.mode() == Mode.ENFORCE);
      if (policy.mode() == Mode.DRY_RUN) {
        assertThat(r.planned()).isEmpty();
      }
      all.add(r.decisions());
      loop.after(Duration.ofMinutes(1));
    }
    return all;
  }

  @Test
  void observeDecidesNothingAndInjectsNoChaos() {
    Loop loop = new Loop(POLICY.withMode(Mode.OBSERVE), TestFleet.of(4));
    loop.memory = ControlMemory.empty().withChaos(level(0.4, loop));
    ControlResult r = loop.poll(oom(4, "w-0"));
    assertThat(r.decisions()).isEmpty();
    assertThat(r.chaos().apply()).isFalse();
    assertThat(r.chaos().faults().isEmpty()).isTrue();
    assertThat(r.summary().chaosLevel()).isZero();
    assertThat(r.summary().classifications())
        .extracting(Classification::state)
        .contains(WorkerState.ABOUT_TO_OOM);
  }

  @Test
  void pauseTakesChaosToZeroAtOnceAndHoldsEverythingElse() {
    Loop loop = new Loop(POLICY.withPaused(true), TestFleet.of(4));
    loop.memory = ControlMemory.empty().withChaos(level(0.4, loop));
    ControlResult first = loop.poll(oom(4, "w-0"));
    assertThat(first.decisions())
        .extracting(Decision::action, Decision::rule, Decision::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                ActionType.ABORT_CHAOS, "paused", Decision.Outcome.PLANNED),
            org.assertj.core.groups.Tuple.tuple(
                ActionType.RESTART_WORKER, "about-to-oom", Decision.Outcome.BLOCKED));
    assertThat(first.decisions().get(1).reason())
        .startsWith("paused; proposed because memory reaches its limit in 120s");
    assertThat(first.summary().chaosLevel()).isZero();
    assertThat(first.chaos().faults().isEmpty()).isTrue();

    ControlResult second = loop.after(Duration.ofMinutes(1)).poll(oom(4, "w-0"));
    assertThat(Loop.of(second, ActionType.ABORT_CHAOS)).isEmpty();
    assertThat(Loop.of(second, ActionType.RESTART_WORKER))
        .singleElement()
        .satisfies(d -> assertThat(d.outcome()).isEqualTo(Decision.Outcome.BLOCKED));
  }

  @Test
  void aWorkerIsRestartedAgainOnlyAfterItsCooldown() {
    Loop loop = new Loop(POLICY, TestFleet.of(4));
    List<Decision.Outcome> outcomes = new ArrayList<>();
    for (int minute = 0; minute <= 6; minute++) {
      outcomes.add(Loop.of(loop.poll(oom(4, "w-0")), ActionType.RESTART_WORKER).get(0).outcome());
      loop.after(Duration.ofMinutes(1));
    }
    assertThat(outcomes)
        .containsExactly(
            Decision.Outcome.PLANNED,
            Decision.Outcome.BLOCKED,
            Decision.Outcome.BLOCKED,
            Decision.Outcome.BLOCKED,
            Decision.Outcome.BLOCKED,
            Decision.Outcome.PLANNED,
            Decision.Outcome.BLOCKED);
  }

  @Test
  void anOperatorRestartMidCooldownChangesNothing() {
    Loop before = new Loop(POLICY, TestFleet.of(4));
    assertThat(Loop.of(before.poll(oom(4, "w-0")), ActionType.RESTART_WORKER).get(0).outcome())
        .isEqualTo(Decision.Outcome.PLANNED);
    String status = MemoryJson.write(before.memory);

    // A new operator process reads the status two minutes later.
    Loop after = new Loop(POLICY, TestFleet.of(4));
    after.memory = MemoryJson.read(status);
    after.now = before.now;
    assertThat(after.memory).isEqualTo(before.memory);
    Decision again =
        Loop.of(after.after(Duration.ofMinutes(2)).poll(oom(4, "w-0")), ActionType.RESTART_WORKER)
            .get(0);
    assertThat(again.outcome()).isEqualTo(Decision.Outcome.BLOCKED);
    assertThat(again.reason())
        .startsWith(
            "restart_worker cooldown on w-0: last at 2030-01-01T00:00:00Z, 120s ago, cooldown 300s");
  }

  @Test
  void restartsPerHourAreBudgetedForTheFleet() {
    FleetPolicy policy =
        POLICY.withChaos(
            POLICY.chaos().withBlastRadius(new ChaosPolicy.BlastRadius(1, Duration.ofMinutes(10))));
    Loop loop = new Loop(policy, TestFleet.of(8));
    String[] all = TestFleet.ids(8).toArray(String[]::new);
    List<Decision> restarts = Loop.of(loop.poll(oom(8, all)), ActionType.RESTART_WORKER);
    assertThat(restarts)
        .extracting(Decision::outcome)
        .containsExactly(
            Decision.Outcome.PLANNED,
            Decision.Outcome.PLANNED,
            Decision.Outcome.PLANNED,
            Decision.Outcome.PLANNED,
            Decision.Outcome.PLANNED,
            Decision.Outcome.PLANNED,
            Decision.Outcome.BLOCKED,
            Decision.Outcome.BLOCKED);
    assertThat(restarts.get(6).reason())
        .startsWith("budget exhausted: 6 restart_worker in the last hour (safety.maxPerHour 6)");

    // Within the hour the budget stays spent; an hour later it is whole again.
    assertThat(
            Loop.of(
                loop.after(Duration.ofMinutes(30)).poll(oom(8, all)), ActionType.RESTART_WORKER))
        .extracting(Decision::outcome)
        .containsOnly(Decision.Outcome.BLOCKED);
    assertThat(
            Loop.of(
                loop.after(Duration.ofMinutes(31)).poll(oom(8, all)), ActionType.RESTART_WORKER))
        .extracting(Decision::outcome)
        .filteredOn(o -> o == Decision.Outcome.PLANNED)
        .hasSize(6);
  }

  @Test
  void theBlastRadiusLimitsHowManyWorkersAreDisruptedPerWindow() {
    FleetPolicy policy =
        POLICY.withChaos(
            POLICY
                .chaos()
                .withBlastRadius(new ChaosPolicy.BlastRadius(0.2, Duration.ofMinutes(10))));
    ObservedFleet fleet = TestFleet.of(10);
    Loop loop = new Loop(policy, fleet);
    TestSignals liars = TestSignals.healthy(TestFleet.ids(10));
    for (String w : List.of("w-3", "w-4", "w-5")) {
      liars.liar(w, Map.of("traffic", 1.0));
    }
    List<Decision> quarantines = Loop.of(loop.poll(liars), ActionType.QUARANTINE_WORKER);
    assertThat(quarantines)
        .extracting(Decision::target, Decision::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("w-3", Decision.Outcome.PLANNED),
            org.assertj.core.groups.Tuple.tuple("w-4", Decision.Outcome.PLANNED),
            org.assertj.core.groups.Tuple.tuple("w-5", Decision.Outcome.BLOCKED));
    assertThat(quarantines.get(2).reason())
        .startsWith(
            "blast radius: 2 of 10 workers already restarted or quarantined within 600s (maxShare 0.2 allows 2)");

    // A worker quarantined earlier (kept for evidence) still counts.
    Loop other =
        new Loop(policy, TestFleet.with(fleet, fleet.workers().get(9).withQuarantined(true)));
    assertThat(Loop.of(other.poll(liars), ActionType.QUARANTINE_WORKER))
        .extracting(Decision::outcome)
        .containsExactly(
            Decision.Outcome.PLANNED, Decision.Outcome.BLOCKED, Decision.Outcome.BLOCKED);
  }

  @Test
  void aScaleDecisionStaysWithinBoundsAndTheLargestStep() {
    UserRule grow = TestRules.fleetRule("grow", ActionType.SCALE, Map.of("replicas", "50"));
    Loop loop = new Loop(POLICY.withRules(List.of(grow)), TestFleet.of(2));
    Decision scale =
        Loop.of(loop.poll(TestSignals.healthy(TestFleet.ids(2)).rule("grow", 1)), ActionType.SCALE)
            .get(0);
    assertThat(scale.outcome()).isEqualTo(Decision.Outcome.PLANNED);
    assertThat(scale.parameters()).containsEntry("replicas", "4").containsEntry("previous", "2");
    assertThat(scale.reason())
        .contains(
            "clamped to workers.min..max (1..10)", "limited to autoscaling.maxChangePerStep 2");
  }

  @Test
  void scaleDownWaitsForTheStabilizationWindowScaleUpDoesNot() {
    Loop loop = new Loop(POLICY, TestFleet.of(6));
    // Six workers at 0.2 CPU against a 0.7 target want ceil(6 * 0.2 / 0.7) = 2.
    Function<Integer, TestSignals> idle = n -> cpu(n, 0.2);
    List<Decision.Outcome> outcomes = new ArrayList<>();
    for (int minute = 0; minute <= 5; minute++) {
      outcomes.add(Loop.of(loop.poll(idle.apply(6)), ActionType.SCALE).get(0).outcome());
      loop.after(Duration.ofMinutes(1));
    }
    assertThat(outcomes.subList(0, 5)).containsOnly(Decision.Outcome.BLOCKED);
    assertThat(outcomes.get(5)).isEqualTo(Decision.Outcome.PLANNED);

    loop.observed = TestFleet.replicas(loop.observed, 4);
    Decision down = Loop.of(loop.poll(idle.apply(4)), ActionType.SCALE).get(0);
    assertThat(down.parameters()).containsEntry("replicas", "2");

    // A spike inside the window holds the next scale-down at the spike's recommendation.
    loop.observed = TestFleet.replicas(loop.observed, 2);
    Decision up =
        Loop.of(loop.after(Duration.ofMinutes(1)).poll(cpu(2, 0.95)), ActionType.SCALE).get(0);
    assertThat(up.outcome()).isEqualTo(Decision.Outcome.PLANNED);
    assertThat(up.parameters()).containsEntry("replicas", "3");
    loop.observed = TestFleet.replicas(loop.observed, 3);
    Decision held =
        Loop.of(loop.after(Duration.ofMinutes(1)).poll(cpu(3, 0.2)), ActionType.SCALE).get(0);
    assertThat(held.outcome()).isEqualTo(Decision.Outcome.BLOCKED);
    assertThat(held.reason())
        .startsWith("scale-down stabilization: the highest recommendation within 300s is 3");
  }

  private static TestSignals cpu(int workers, double saturation) {
    TestSignals s = TestSignals.healthy(TestFleet.ids(workers));
    for (String w : TestFleet.ids(workers)) {
      s.worker(WORKER_CPU_SATURATION, w, saturation);
    }
    return s;
  }

  static Stream<Arguments> outages() {
    return Stream.of(
        Arguments.of(1, false),
        Arguments.of(2, false),
        Arguments.of(3, true),
        Arguments.of(6, true));
  }

  @ParameterizedTest(name = "Prometheus down for {0} polls: safe mode {1}")
  @MethodSource("outages")
  void safeModeAfterTheFailureThresholdAndRecoveryWhenPrometheusAnswers(
      int downPolls, boolean safeMode) {
    UserRule alarm =
        new UserRule(
            "alarm",
            "vector(1)",
            new UserRule.Condition(UserRule.Op.GT, 0),
            Duration.ZERO,
            SignalScope.FLEET,
            UserRule.MissingData.HOLD,
            UserRule.MissingData.TREAT_AS_BREACH,
            ActionType.SCALE,
            Map.of("by", "1"),
            Duration.ZERO,
            0);
    Loop loop = new Loop(POLICY.withRules(List.of(alarm)), TestFleet.of(4));
    loop.memory = ControlMemory.empty().withChaos(level(0.4, loop));
    for (int i = 1; i <= downPolls; i++) {
      ControlResult r = loop.poll(TestSignals.down(loop.now));
      boolean entering = i == 3;
      boolean inSafeMode = i >= 3;
      assertThat(r.summary().safeMode()).as("safe mode at failed poll %d", i).isEqualTo(inSafeMode);
      assertThat(r.summary().consecutivePrometheusFailures()).isEqualTo(i);
      assertThat(r.summary().chaosLevel())
          .as("level at failed poll %d", i)
          .isEqualTo(inSafeMode ? 0 : 0.4);
      assertThat(Loop.of(r, ActionType.ABORT_CHAOS)).hasSize(entering ? 1 : 0);
      assertThat(Loop.of(r, ActionType.NOTIFY))
          .extracting(Decision::rule)
          .containsExactly(entering ? new String[] {"safe-mode"} : new String[] {});
      // The rule treats a failed query as a breach; its scale is held all the same.
      String held =
          inSafeMode
              ? "safe mode: replicas held"
              : "Prometheus unreadable (" + i + " of 3 failed polls";
      assertThat(Loop.of(r, ActionType.SCALE))
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.outcome()).isEqualTo(Decision.Outcome.BLOCKED);
                assertThat(d.reason()).startsWith(held);
              });
      loop.after(Duration.ofMinutes(1));
    }
    ControlResult back = loop.poll(TestSignals.healthy(TestFleet.ids(4)));
    assertThat(back.summary().safeMode()).isFalse();
    assertThat(back.summary().consecutivePrometheusFailures()).isZero();
    assertThat(Loop.of(back, ActionType.NOTIFY))
        .extracting(Decision::rule)
        .containsExactly(safeMode ? new String[] {"safe-mode"} : new String[] {});
    assertThat(back.summary().chaosLevel()).isEqualTo(safeMode ? 0 : 0.4);
  }

  @Test
  void safeModeCanHoldChaosWhenToldTo() {
    FleetPolicy policy =
        POLICY.withPrometheus(new PrometheusPolicy(2, PrometheusPolicy.WhileBlind.HOLD_CHAOS));
    Loop loop = new Loop(policy, TestFleet.of(4));
    loop.memory = ControlMemory.empty().withChaos(level(0.4, loop));
    loop.poll(TestSignals.down(loop.now));
    ControlResult r = loop.after(Duration.ofMinutes(1)).poll(TestSignals.down(loop.now));
    assertThat(r.summary().safeMode()).isTrue();
    assertThat(r.summary().chaosLevel()).isEqualTo(0.4);
    assertThat(Loop.of(r, ActionType.ABORT_CHAOS)).isEmpty();
    assertThat(r.chaos().apply()).isTrue();
  }
}
