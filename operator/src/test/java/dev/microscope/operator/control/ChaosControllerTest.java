package dev.microscope.operator.control;

import static dev.microscope.operator.control.BuiltinSignal.ERROR_BUDGET_REMAINING;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chaos level over recorded signal sequences: each case replays polls one minute apart through
 * the whole loop and checks the level (and the rule that changed it) after each poll. Policy: step
 * 0.1, factor 0.5, step interval 2m, stabilization 10m, minimum budget 0.25, max 0.5.
 */
class ChaosControllerTest {
  private static final FleetPolicy POLICY =
      FleetPolicy.defaults().withChaos(ChaosPolicy.defaults().withFaults(TestFaults.BASE));

  /** One poll: its signals, and the level and deciding rule (null: no chaos decision) after it. */
  record Poll(UnaryOperator<TestSignals> signals, double level, String rule) {}

  private static Poll poll(UnaryOperator<TestSignals> signals, double level, String rule) {
    return new Poll(signals, level, rule);
  }

  private static List<Poll> repeat(int times, UnaryOperator<TestSignals> signals, double level) {
    List<Poll> polls = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      polls.add(poll(signals, level, null));
    }
    return polls;
  }

  @SafeVarargs
  private static List<Poll> sequence(List<Poll>... parts) {
    List<Poll> all = new ArrayList<>();
    for (List<Poll> part : parts) {
      all.addAll(part);
    }
    return all;
  }

  private static final UnaryOperator<TestSignals> HEALTHY = s -> s;
  private static final UnaryOperator<TestSignals> FAST =
      s -> s.burn(BurnWindow.M5, 20).burn(BurnWindow.H1, 15);
  private static final UnaryOperator<TestSignals> SLOW =
      s -> s.burn(7).burn(BurnWindow.H2, 2).burn(BurnWindow.D1, 2);
  private static final UnaryOperator<TestSignals> NO_DATA =
      s -> {
        for (BurnWindow w : BurnWindow.values()) {
          s.fleet(w.signal(), Reading.noData("empty result"));
        }
        return s;
      };
  private static final UnaryOperator<TestSignals> NAN = s -> s.burn(Double.NaN);
  private static final UnaryOperator<TestSignals> FAILED =
      s -> {
        for (BurnWindow w : BurnWindow.values()) {
          s.failed(w.signal(), "BAD_QUERY: HTTP 422");
        }
        return s.failed(ERROR_BUDGET_REMAINING, "BAD_QUERY: HTTP 422");
      };

  static Stream<Arguments> sequences() {
    return Stream.of(
        Arguments.of(
            "climbs one step per stabilization window while the fleet copes, up to maxLevel",
            0.0,
            sequence(
                repeat(10, HEALTHY, 0),
                List.of(poll(HEALTHY, 0.1, "chaos-escalation")),
                repeat(9, HEALTHY, 0.1),
                List.of(poll(HEALTHY, 0.2, "chaos-escalation")),
                repeat(9, HEALTHY, 0.2),
                List.of(poll(HEALTHY, 0.3, "chaos-escalation")),
                repeat(9, HEALTHY, 0.3),
                List.of(poll(HEALTHY, 0.4, "chaos-escalation")),
                repeat(9, HEALTHY, 0.4),
                List.of(poll(HEALTHY, 0.5, "chaos-escalation")),
                repeat(20, HEALTHY, 0.5))),
        Arguments.of(
            "fast burn over 5m and 1h: zero at once",
            0.4,
            sequence(
                repeat(1, HEALTHY, 0.4), List.of(poll(FAST, 0, "fast-burn")), repeat(3, FAST, 0))),
        Arguments.of(
            "a fast 5m burn alone is not a fast burn",
            0.4,
            repeat(5, s -> s.burn(BurnWindow.M5, 20).burn(BurnWindow.H1, 5), 0.4)),
        Arguments.of(
            "slow burn (6x over 30m and 6h): halves once per step interval, then rounds to zero",
            0.4,
            sequence(
                List.of(poll(SLOW, 0.2, "slow-burn")),
                repeat(1, SLOW, 0.2),
                List.of(poll(SLOW, 0.1, "slow-burn")),
                repeat(1, SLOW, 0.1),
                List.of(poll(SLOW, 0.05, "slow-burn")),
                repeat(1, SLOW, 0.05),
                List.of(poll(SLOW, 0.025, "slow-burn")),
                repeat(1, SLOW, 0.025),
                List.of(poll(SLOW, 0.013, "slow-burn")),
                repeat(1, SLOW, 0.013),
                List.of(poll(SLOW, 0, "slow-burn")),
                repeat(3, SLOW, 0))),
        Arguments.of(
            "slow burn (3x over 2h and 1d)",
            0.4,
            List.of(
                poll(s -> s.burn(BurnWindow.H2, 3).burn(BurnWindow.D1, 3.5), 0.2, "slow-burn"))),
        Arguments.of(
            "budget below the minimum: never escalates, however low the burn",
            0.1,
            repeat(40, s -> s.fleet(ERROR_BUDGET_REMAINING, 0.2), 0.1)),
        Arguments.of(
            "budget spent: zero at once",
            0.3,
            List.of(poll(s -> s.fleet(ERROR_BUDGET_REMAINING, -0.1), 0, "budget-exhausted"))),
        Arguments.of("no data: holds, never escalates", 0.2, repeat(30, NO_DATA, 0.2)),
        Arguments.of("NaN samples are no data: holds", 0.2, repeat(30, NAN, 0.2)),
        Arguments.of("failed queries: holds", 0.2, repeat(30, FAILED, 0.2)),
        Arguments.of(
            "no data interrupts the stabilization window, which starts again",
            0.0,
            sequence(
                repeat(9, HEALTHY, 0),
                repeat(1, NO_DATA, 0),
                repeat(10, HEALTHY, 0),
                List.of(poll(HEALTHY, 0.1, "chaos-escalation")))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sequences")
  void levelFollowsTheErrorBudget(String name, double startLevel, List<Poll> polls) {
    Loop loop = new Loop(POLICY, TestFleet.of(4));
    loop.memory = ControlMemory.empty().withChaos(atLevel(startLevel, loop));
    for (int i = 0; i < polls.size(); i++) {
      Poll p = polls.get(i);
      ControlResult r = loop.poll(p.signals().apply(TestSignals.healthy(TestFleet.ids(4))));
      List<Decision> chaos =
          r.decisions().stream()
              .filter(
                  d -> d.action() == ActionType.SET_CHAOS || d.action() == ActionType.ABORT_CHAOS)
              .toList();
      assertThat(r.summary().chaosLevel()).as("level after poll %d", i).isEqualTo(p.level());
      if (p.rule() == null) {
        assertThat(chaos).as("chaos decisions at poll %d", i).isEmpty();
      } else {
        assertThat(chaos)
            .as("chaos decision at poll %d", i)
            .singleElement()
            .satisfies(
                d -> {
                  assertThat(d.rule()).isEqualTo(p.rule());
                  assertThat(d.outcome()).isEqualTo(Decision.Outcome.PLANNED);
                });
      }
      loop.after(Duration.ofMinutes(1));
    }
  }

  private static ControlMemory.ChaosMemory atLevel(double level, Loop loop) {
    return new ControlMemory.ChaosMemory(
        level, Map.of(), loop.now.minus(Duration.ofHours(1)), null, null, 0, List.of());
  }

  @Test
  void aFastBurnDecisionCarriesTheNumbersThatCausedIt() {
    Loop loop = new Loop(POLICY, TestFleet.of(4));
    loop.memory = ControlMemory.empty().withChaos(atLevel(0.4, loop));
    Decision d =
        Loop.of(
                loop.poll(FAST.apply(TestSignals.healthy(TestFleet.ids(4)))),
                ActionType.ABORT_CHAOS)
            .get(0);
    assertThat(d.values())
        .containsExactly(Map.entry("burn_rate_5m", "20"), Map.entry("burn_rate_1h", "15"));
    assertThat(d.threshold()).isEqualTo(">= 14.4 over 5m and 1h");
    assertThat(d.trigger()).isEqualTo("poll");
    assertThat(d.explain())
        .contains("abort_chaos fleet", "fast-burn", "burn_rate_5m=20", "planned");
  }

  @Test
  void adaptiveOffHoldsMaxLevelButAFastBurnStillStopsIt() {
    FleetPolicy policy =
        POLICY.withChaos(
            POLICY
                .chaos()
                .withMaxLevel(0.3)
                .withAdaptive(
                    new ChaosPolicy.Adaptive(
                        false, 0.1, 0.5, Duration.ofMinutes(2), Duration.ofMinutes(10), 0.25)));
    Loop loop = new Loop(policy, TestFleet.of(4));
    assertThat(loop.poll(TestSignals.healthy(TestFleet.ids(4))).summary().chaosLevel())
        .isEqualTo(0.3);
    assertThat(
            loop.after(Duration.ofMinutes(1))
                .poll(FAST.apply(TestSignals.healthy(TestFleet.ids(4))))
                .summary()
                .chaosLevel())
        .isZero();
    // Back at maxLevel only once the burn is over and a step interval has passed.
    assertThat(
            loop.after(Duration.ofMinutes(1))
                .poll(TestSignals.healthy(TestFleet.ids(4)))
                .summary()
                .chaosLevel())
        .isZero();
    assertThat(
            loop.after(Duration.ofMinutes(1))
                .poll(TestSignals.healthy(TestFleet.ids(4)))
                .summary()
                .chaosLevel())
        .isEqualTo(0.3);
  }

  @Test
  void aLoweredMaxLevelClampsAtOnce() {
    Loop loop = new Loop(POLICY.withChaos(POLICY.chaos().withMaxLevel(0.2)), TestFleet.of(4));
    loop.memory =
        ControlMemory.empty()
            .withChaos(
                new ControlMemory.ChaosMemory(0.4, Map.of(), loop.now, null, null, 0, List.of()));
    ControlResult r = loop.poll(TestSignals.healthy(TestFleet.ids(4)));
    assertThat(r.summary().chaosLevel()).isEqualTo(0.2);
    assertThat(Loop.of(r, ActionType.SET_CHAOS))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rule()).isEqualTo("chaos-level");
              assertThat(d.parameters())
                  .containsEntry("level", "0.2")
                  .containsEntry("previous", "0.4");
            });
  }

  @Test
  void toleranceScoreIsTheHighestLevelHeldAWholeWindowWithTheSloMet() {
    Loop loop = new Loop(POLICY, TestFleet.of(4));
    double score = 0;
    for (int minute = 0; minute <= 60; minute++) {
      score = loop.poll(TestSignals.healthy(TestFleet.ids(4))).summary().toleranceScore();
      loop.after(Duration.ofMinutes(1));
    }
    // 0.4 was held from minute 40 to 50 with the SLO met; 0.5 from 50 to 60.
    assertThat(score).isEqualTo(0.5);
    // A violation afterwards does not take back what was proven.
    ControlResult violated =
        loop.poll(TestSignals.healthy(TestFleet.ids(4)).burn(BurnWindow.M5, 2));
    assertThat(violated.summary().toleranceScore()).isEqualTo(0.5);
    assertThat(violated.summary().degraded()).isTrue();
  }

  @Test
  void aLevelHeldWhileTheSloIsViolatedNeverCounts() {
    Loop loop = new Loop(POLICY, TestFleet.of(4));
    loop.memory = ControlMemory.empty().withChaos(atLevel(0.3, loop));
    ControlResult r = null;
    for (int minute = 0; minute < 30; minute++) {
      r = loop.poll(TestSignals.healthy(TestFleet.ids(4)).burn(BurnWindow.M5, 1.5));
      loop.after(Duration.ofMinutes(1));
    }
    assertThat(r.summary().chaosLevel()).isEqualTo(0.3);
    assertThat(r.summary().toleranceScore()).isZero();
  }

  @Test
  void theFaultsSentAreTheBaseParametersScaledByTheLevel() {
    FaultSet at40 = TestFaults.BASE.scaled(0.4, Map.of());
    assertThat(at40.latency()).isEqualTo(new FaultSet.Latency(0.2, "uniform", 100, 800));
    assertThat(at40.errors().rate()).isCloseTo(0.08, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(at40.errors().burst().rate())
        .isCloseTo(0.36, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(at40.memoryLeak()).isEqualTo(new FaultSet.MemoryLeak(419_430, 128 * TestFleet.MIB));
    assertThat(at40.cpu().dutyCycle())
        .isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(at40.crash().probabilityPerMinute())
        .isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(at40.lies().latencyFactor())
        .isCloseTo(0.64, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(at40.lies().trafficFactor())
        .isCloseTo(1.8, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(at40.cardinality()).isEqualTo(new FaultSet.Cardinality(20, 5000));
    assertThat(TestFaults.BASE.scaled(0, Map.of()).isEmpty()).isTrue();
    // A fault's own level overrides the fleet's for that fault only.
    FaultSet override = TestFaults.BASE.scaled(0.4, Map.of(Fault.LATENCY, 1.0, Fault.CRASH, 0.0));
    assertThat(override.latency().probability()).isEqualTo(0.5);
    assertThat(override.crash()).isNull();
    assertThat(override.cpu().dutyCycle())
        .isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void theChaosPlanCarriesTheScaledFaultsToTheWorkersInTheBlastRadius() {
    FleetPolicy policy =
        POLICY.withChaos(
            POLICY
                .chaos()
                .withBlastRadius(new ChaosPolicy.BlastRadius(0.3, Duration.ofMinutes(10))));
    ObservedFleet fleet = TestFleet.of(10);
    fleet = TestFleet.with(fleet, fleet.workers().get(0).withQuarantined(true));
    fleet = TestFleet.with(fleet, fleet.workers().get(1).withReady(false));
    Loop loop = new Loop(policy, fleet);
    loop.memory = ControlMemory.empty().withChaos(atLevel(0.4, loop));
    ChaosPlan plan = loop.poll(TestSignals.healthy(TestFleet.ids(10))).chaos();
    assertThat(plan.apply()).isTrue();
    assertThat(plan.level()).isEqualTo(0.4);
    assertThat(plan.faults()).isEqualTo(TestFaults.BASE.scaled(0.4, Map.of()));
    assertThat(plan.leaseSeconds()).isEqualTo(30);
    // 8 serving workers, max share 0.3: 2 of them; never the quarantined or unready ones.
    assertThat(plan.targets()).hasSize(2).doesNotContain("w-0", "w-1");
    assertThat(ChaosPlan.targets(policy.chaos().blastRadius(), fleet, loop.now))
        .isEqualTo(plan.targets());
    // Every window draws again: over a day of windows, every serving worker takes its turn.
    java.util.Set<String> everTargeted = new java.util.HashSet<>();
    for (int window = 0; window < 144; window++) {
      everTargeted.addAll(
          ChaosPlan.targets(
              policy.chaos().blastRadius(),
              fleet,
              loop.now.plus(Duration.ofMinutes(10L * window))));
    }
    assertThat(everTargeted).containsExactlyInAnyOrderElementsOf(TestFleet.ids(10).subList(2, 10));
  }
}
