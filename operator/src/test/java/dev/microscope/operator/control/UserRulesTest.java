package dev.microscope.operator.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** User rules over recorded sequences: condition, for, no data and errors, cooldown, budget. */
class UserRulesTest {
  private static UserRule rule(
      Duration forDuration, UserRule.MissingData onNoData, UserRule.MissingData onError) {
    return new UserRule(
        "queue-high",
        "max(q)",
        new UserRule.Condition(UserRule.Op.GE, 10),
        forDuration,
        SignalScope.FLEET,
        onNoData,
        onError,
        ActionType.NOTIFY,
        Map.of("message", "queue high"),
        Duration.ZERO,
        0);
  }

  private static final VectorReading NO_DATA = VectorReading.empty();
  private static final VectorReading FAILED = VectorReading.failed("BAD_QUERY: HTTP 400");

  private static VectorReading v(double value) {
    return VectorReading.of(Map.of(Signals.FLEET_KEY, value));
  }

  static Stream<Arguments> sequences() {
    UserRule.MissingData hold = UserRule.MissingData.HOLD;
    UserRule.MissingData zero = UserRule.MissingData.TREAT_AS_ZERO;
    UserRule.MissingData breach = UserRule.MissingData.TREAT_AS_BREACH;
    Duration twoMinutes = Duration.ofMinutes(2);
    return Stream.of(
        Arguments.of(
            "fires once the condition held for 'for'",
            rule(twoMinutes, hold, hold),
            List.of(v(12), v(15), v(11), v(20)),
            List.of(false, false, true, true)),
        Arguments.of(
            "a break resets the pending time",
            rule(twoMinutes, hold, hold),
            List.of(v(12), v(15), v(3), v(12), v(12), v(12)),
            List.of(false, false, false, false, false, true)),
        Arguments.of(
            "hold: no data neither fires nor resets",
            rule(twoMinutes, hold, hold),
            List.of(v(12), NO_DATA, v(12), NO_DATA),
            List.of(false, false, true, false)),
        Arguments.of(
            "zero: no data counts as 0, a break",
            rule(twoMinutes, zero, hold),
            List.of(v(12), NO_DATA, v(12), v(12), v(12)),
            List.of(false, false, false, false, true)),
        Arguments.of(
            "breach: no data counts as a breach",
            rule(Duration.ZERO, breach, hold),
            List.of(NO_DATA, NO_DATA),
            List.of(true, true)),
        Arguments.of(
            "hold on error: a failed query keeps the pending time",
            rule(twoMinutes, hold, hold),
            List.of(v(12), FAILED, v(12)),
            List.of(false, false, true)),
        Arguments.of(
            "breach on error",
            rule(Duration.ZERO, hold, breach),
            List.of(FAILED, v(1), FAILED),
            List.of(true, false, true)),
        Arguments.of(
            "a NaN answer is no data",
            rule(Duration.ZERO, zero, hold),
            List.of(VectorReading.of(Map.of()), v(10)),
            List.of(false, true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sequences")
  void proposesWhenTheConditionHeldLongEnough(
      String name, UserRule rule, List<VectorReading> answers, List<Boolean> fires) {
    Loop loop = new Loop(FleetPolicy.defaults().withRules(List.of(rule)), TestFleet.of(2));
    List<Boolean> fired = new ArrayList<>();
    for (VectorReading answer : answers) {
      ControlResult r = loop.poll(TestSignals.healthy(TestFleet.ids(2)).rule(rule.name(), answer));
      fired.add(
          r.decisions().stream()
              .anyMatch(
                  d -> d.rule().equals(rule.name()) && d.outcome() == Decision.Outcome.PLANNED));
      loop.after(Duration.ofMinutes(1));
    }
    assertThat(fired).isEqualTo(fires);
  }

  @Test
  void aPerWorkerRuleActsOnEachBreachingWorkerWithItsOwnValue() {
    UserRule slowWorker =
        new UserRule(
            "slow-worker",
            "q",
            new UserRule.Condition(UserRule.Op.GT, 0.5),
            Duration.ZERO,
            SignalScope.WORKER,
            UserRule.MissingData.HOLD,
            UserRule.MissingData.HOLD,
            ActionType.RESTART_WORKER,
            Map.of(),
            Duration.ofMinutes(10),
            1);
    Loop loop = new Loop(FleetPolicy.defaults().withRules(List.of(slowWorker)), TestFleet.of(3));
    ControlResult r =
        loop.poll(
            TestSignals.healthy(TestFleet.ids(3))
                .rule(
                    "slow-worker",
                    VectorReading.of(Map.of("w-0", 0.9, "w-1", 0.2, "w-2", 0.7, "stranger", 5.0))));
    List<Decision> restarts = Loop.of(r, ActionType.RESTART_WORKER);
    assertThat(restarts)
        .extracting(Decision::target, Decision::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("w-0", Decision.Outcome.PLANNED),
            org.assertj.core.groups.Tuple.tuple("w-2", Decision.Outcome.BLOCKED));
    assertThat(restarts.get(0).values()).containsExactly(Map.entry("slow-worker", "0.9"));
    assertThat(restarts.get(0).threshold()).isEqualTo("> 0.5");
    assertThat(restarts.get(0).reason()).isEqualTo("rule slow-worker: 0.9 > 0.5 for 0s (for 0s)");
    assertThat(restarts.get(1).reason())
        .startsWith(
            "rule budget exhausted: 1 actions of rule slow-worker in the last hour (maxPerHour 1)");

    // The rule's own cooldown holds w-0 even after the safety cooldown of 5m has passed.
    ControlResult later =
        loop.after(Duration.ofMinutes(6))
            .poll(
                TestSignals.healthy(TestFleet.ids(3))
                    .rule("slow-worker", VectorReading.of(Map.of("w-0", 0.9))));
    assertThat(Loop.of(later, ActionType.RESTART_WORKER))
        .singleElement()
        .satisfies(d -> assertThat(d.reason()).startsWith("rule slow-worker cooldown on w-0"));
  }

  @Test
  void scaleByIsRelativeToTheCurrentReplicas() {
    UserRule more = TestRules.fleetRule("more", ActionType.SCALE, Map.of("by", "-1"));
    Loop loop =
        new Loop(
            FleetPolicy.defaults()
                .withRules(List.of(more))
                .withScaling(new ScalingPolicy(false, 0.7, 2, Duration.ZERO)),
            TestFleet.of(3));
    assertThat(
            Loop.of(
                loop.poll(TestSignals.healthy(TestFleet.ids(3)).rule("more", 1)), ActionType.SCALE))
        .singleElement()
        .satisfies(d -> assertThat(d.parameters()).containsEntry("replicas", "2"));
  }

  @Test
  void aRuleCanSetOneFaultsLevel() {
    UserRule calm =
        TestRules.fleetRule(
            "calm-latency", ActionType.SET_CHAOS, Map.of("fault", "latency", "level", "0.1"));
    FleetPolicy policy =
        FleetPolicy.defaults()
            .withRules(List.of(calm))
            .withChaos(ChaosPolicy.defaults().withFaults(TestFaults.BASE));
    Loop loop = new Loop(policy, TestFleet.of(2));
    loop.memory =
        ControlMemory.empty()
            .withChaos(
                new ControlMemory.ChaosMemory(
                    0.4, Map.of(), loop.now.minusSeconds(3600), null, null, 0, List.of()));
    ControlResult r = loop.poll(TestSignals.healthy(TestFleet.ids(2)).rule("calm-latency", 1));
    assertThat(r.chaos().faultLevels()).containsExactly(Map.entry(Fault.LATENCY, 0.1));
    assertThat(r.chaos().faults().latency().probability())
        .isCloseTo(0.05, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(r.chaos().faults().crash().probabilityPerMinute())
        .isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void chaosRulesThatChangeNothingAreHeldBackAndNotRemembered() {
    UserRule same = TestRules.fleetRule("same-level", ActionType.SET_CHAOS, Map.of("level", "0.3"));
    UserRule stop = TestRules.fleetRule("stop-chaos", ActionType.ABORT_CHAOS, Map.of());
    Loop loop = new Loop(FleetPolicy.defaults().withRules(List.of(same, stop)), TestFleet.of(2));
    loop.memory =
        ControlMemory.empty()
            .withChaos(
                new ControlMemory.ChaosMemory(
                    0.3, Map.of(), loop.now.minusSeconds(3600), null, null, 0, List.of()));
    ControlResult first = loop.poll(TestSignals.healthy(TestFleet.ids(2)).rule("same-level", 1));
    assertThat(first.decisions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.outcome()).isEqualTo(Decision.Outcome.BLOCKED);
              assertThat(d.reason()).startsWith("no change: chaos level already 0.3");
            });
    ControlResult stopped =
        loop.after(Duration.ofMinutes(1))
            .poll(TestSignals.healthy(TestFleet.ids(2)).rule("stop-chaos", 1));
    assertThat(stopped.planned()).extracting(Decision::rule).containsExactly("stop-chaos");
    for (int i = 0; i < 5; i++) {
      ControlResult again =
          loop.after(Duration.ofMinutes(1))
              .poll(TestSignals.healthy(TestFleet.ids(2)).rule("stop-chaos", 1));
      assertThat(again.decisions())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.outcome()).isEqualTo(Decision.Outcome.BLOCKED);
                assertThat(d.reason()).startsWith("chaos is already off");
              });
    }
    assertThat(loop.memory.actions()).hasSize(1);
  }
}
