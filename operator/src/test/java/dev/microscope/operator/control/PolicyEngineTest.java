package dev.microscope.operator.control;

import static dev.microscope.operator.control.BuiltinSignal.LATENCY_P99_SECONDS;
import static dev.microscope.operator.control.BuiltinSignal.LATENCY_SLO_VIOLATION_RATIO;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_CPU_SATURATION;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_MEMORY_TIME_TO_LIMIT_SECONDS;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_RESTARTS;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_TARGET_SERIES;
import static dev.microscope.operator.control.TestFleet.MIB;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The built-in policies: what each proposes, with the numbers that made it propose. */
class PolicyEngineTest {
  /** No chaos, so the only decisions are those of the policies under test. */
  private static final FleetPolicy POLICY =
      FleetPolicy.defaults().withChaos(ChaosPolicy.defaults().withMaxLevel(0));

  private static final Instant NOW = Loop.T0;

  private static List<ProposedAction> propose(
      FleetPolicy policy, TestSignals s, ObservedFleet fleet, ControlMemory memory) {
    Signals signals = s.at(NOW);
    List<Classification> classes =
        new Classifier(policy.classification(), policy.slo()).classify(signals, fleet);
    return PolicyEngine.propose(policy, signals, fleet, classes, memory, NOW).proposals();
  }

  private static List<ProposedAction> propose(TestSignals s, ObservedFleet fleet) {
    return propose(POLICY, s, fleet, ControlMemory.empty());
  }

  @Test
  void aWorkerAboutToOomIsRestartedWithTheNumbersThatSaidSo() {
    List<ProposedAction> p =
        propose(
            TestSignals.healthy(TestFleet.ids(3))
                .worker(WORKER_MEMORY_TIME_TO_LIMIT_SECONDS, "w-1", 90),
            TestFleet.of(3));
    assertThat(p)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.action()).isEqualTo(Action.restart("w-1"));
              assertThat(a.rule()).isEqualTo("about-to-oom");
              assertThat(a.values())
                  .containsEntry("worker_memory_time_to_limit_seconds", "90")
                  .containsEntry("worker_memory_usage_ratio", "0.4");
              assertThat(a.threshold()).isEqualTo("time to limit < 600s or usage >= 0.9");
            });
  }

  @Test
  void liarsAndFlappersAreQuarantinedButAQuarantinedWorkerIsLeftAlone() {
    ObservedFleet fleet = TestFleet.of(4);
    fleet = TestFleet.with(fleet, fleet.workers().get(3).withQuarantined(true));
    TestSignals s =
        TestSignals.healthy(TestFleet.ids(4))
            .liar("w-1", Map.of("traffic", 1.0, "errors", 0.02))
            .worker(WORKER_RESTARTS, "w-2", 4)
            .liar("w-3", Map.of("traffic", 1.0));
    List<ProposedAction> p = propose(s, fleet);
    assertThat(p)
        .extracting(a -> a.action().type() + " " + a.action().target() + " " + a.rule())
        .containsExactly("QUARANTINE_WORKER w-1 liar", "QUARANTINE_WORKER w-2 flapping");
    assertThat(p.get(0).values())
        .containsEntry("worker_liar_score", "1")
        .containsEntry("liar_traffic", "1")
        .containsEntry("liar_errors", "0.02");
  }

  @Test
  void aQuarantinedWorkerIsReplacedAfterTheRetention() {
    ObservedFleet fleet = TestFleet.of(3);
    fleet = TestFleet.with(fleet, fleet.workers().get(0).withQuarantined(true));
    ControlMemory quarantinedAt =
        ControlMemory.empty()
            .withActions(
                List.of(
                    new ControlMemory.ActionRecord(
                        ActionType.QUARANTINE_WORKER,
                        "w-0",
                        "liar",
                        NOW.minus(Duration.ofMinutes(15)))));
    ControlMemory tooRecent =
        ControlMemory.empty()
            .withActions(
                List.of(
                    new ControlMemory.ActionRecord(
                        ActionType.QUARANTINE_WORKER,
                        "w-0",
                        "liar",
                        NOW.minus(Duration.ofMinutes(14)))));
    assertThat(propose(POLICY, TestSignals.healthy(TestFleet.ids(3)), fleet, quarantinedAt))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.action()).isEqualTo(Action.restart("w-0"));
              assertThat(a.rule()).isEqualTo("quarantine-expiry");
              assertThat(a.values()).containsEntry("quarantined_seconds", "900");
            });
    assertThat(propose(POLICY, TestSignals.healthy(TestFleet.ids(3)), fleet, tooRecent)).isEmpty();
  }

  static Stream<Arguments> memoryKills() {
    return Stream.of(
        // limit, quota, expected action, expected parameter or message
        Arguments.of(256 * MIB, 0L, ActionType.SET_RESOURCES, Long.toString(356 * MIB)),
        Arguments.of(
            1024 * MIB,
            0L,
            ActionType.SET_RESOURCES,
            Long.toString((long) Math.ceil(1024 * MIB * 1.2))),
        Arguments.of(256 * MIB, 300 * MIB, ActionType.SET_RESOURCES, Long.toString(300 * MIB)),
        Arguments.of(
            300 * MIB,
            300 * MIB,
            ActionType.NOTIFY,
            "2 memory kills, and the memory limit is at the quota"),
        Arguments.of(0L, 0L, ActionType.NOTIFY, "2 memory kills, but the memory limit is unknown"));
  }

  @ParameterizedTest(name = "limit {0}, quota {1}: {2}")
  @MethodSource("memoryKills")
  void repeatedMemoryKillsRaiseTheLimitWithinTheQuota(
      long limit, long quota, ActionType expected, String detail) {
    FleetPolicy policy = POLICY.withSafety(POLICY.safety().withMemoryQuotaBytes(quota));
    Loop loop = new Loop(policy, TestFleet.of(2).withMemoryLimitBytes(limit));
    ControlResult first = loop.poll(TestSignals.healthy(TestFleet.ids(2)));
    assertThat(first.decisions()).isEmpty();

    loop.observed =
        TestFleet.with(loop.observed, loop.observed.workers().get(0).withMemoryKills(1));
    assertThat(
            loop.after(Duration.ofMinutes(5))
                .poll(TestSignals.healthy(TestFleet.ids(2)))
                .decisions())
        .isEmpty();

    loop.observed =
        TestFleet.with(loop.observed, loop.observed.workers().get(0).withMemoryKills(2));
    ControlResult second =
        loop.after(Duration.ofMinutes(5)).poll(TestSignals.healthy(TestFleet.ids(2)));
    assertThat(second.decisions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.rule()).isEqualTo("memory-kills");
              assertThat(d.action()).isEqualTo(expected);
              assertThat(d.outcome()).isEqualTo(Decision.Outcome.PLANNED);
              assertThat(d.values()).containsEntry("memory_kills", "2");
              if (expected == ActionType.SET_RESOURCES) {
                assertThat(d.parameters()).containsEntry("memoryLimitBytes", detail);
              } else {
                assertThat(d.parameters()).containsEntry("message", detail);
              }
            });
  }

  @Test
  void killsBeforeAResizeDoNotCountAgain() {
    Loop loop = new Loop(POLICY, TestFleet.of(2));
    loop.observed =
        TestFleet.with(loop.observed, loop.observed.workers().get(0).withMemoryKills(2));
    assertThat(Loop.of(loop.poll(TestSignals.healthy(TestFleet.ids(2))), ActionType.SET_RESOURCES))
        .hasSize(1);
    loop.observed = loop.observed.withMemoryLimitBytes(356 * MIB);
    assertThat(
            loop.after(Duration.ofMinutes(10))
                .poll(TestSignals.healthy(TestFleet.ids(2)))
                .decisions())
        .isEmpty();
    // One more kill on another host is not yet "repeated"; a second one is.
    loop.observed =
        TestFleet.with(loop.observed, loop.observed.workers().get(1).withMemoryKills(1));
    assertThat(
            loop.after(Duration.ofMinutes(10))
                .poll(TestSignals.healthy(TestFleet.ids(2)))
                .decisions())
        .isEmpty();
    loop.observed =
        TestFleet.with(loop.observed, loop.observed.workers().get(1).withMemoryKills(2));
    assertThat(
            Loop.of(
                loop.after(Duration.ofMinutes(10)).poll(TestSignals.healthy(TestFleet.ids(2))),
                ActionType.SET_RESOURCES))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.parameters())
                    .containsEntry("memoryLimitBytes", Long.toString(456 * MIB)));
  }

  @Test
  void aTargetWithTooManySeriesIsReported() {
    List<ProposedAction> p =
        propose(
            TestSignals.healthy(TestFleet.ids(2)).worker(WORKER_TARGET_SERIES, "w-1", 25_000),
            TestFleet.of(2));
    assertThat(p)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.action().type()).isEqualTo(ActionType.NOTIFY);
              assertThat(a.action().target()).isEqualTo("w-1");
              assertThat(a.rule()).isEqualTo("label-explosion");
              assertThat(a.threshold()).isEqualTo("> 10000");
            });
  }

  @Test
  void replicasOutsideTheBoundsAreBroughtBack() {
    assertThat(propose(TestSignals.healthy(List.of()), ObservedFleet.of(0, List.of())))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.action()).isEqualTo(Action.scaleTo(1));
              assertThat(a.rule()).isEqualTo("worker-bounds");
            });
  }

  @Test
  void scalingFollowsSaturationAndAddsAWorkerWhileTheLatencySloIsViolatedUnderLoad() {
    TestSignals busy = TestSignals.healthy(TestFleet.ids(4));
    for (String w : TestFleet.ids(4)) {
      busy.worker(WORKER_CPU_SATURATION, w, 0.9);
    }
    // ceil(4 * 0.9 / 0.7) = 6
    assertThat(propose(busy, TestFleet.of(4)))
        .singleElement()
        .satisfies(a -> assertThat(a.action()).isEqualTo(Action.scaleTo(6)));

    TestSignals slow =
        TestSignals.healthy(TestFleet.ids(4))
            .fleet(LATENCY_SLO_VIOLATION_RATIO, 0.2)
            .fleet(LATENCY_P99_SECONDS, 0.9);
    assertThat(propose(slow, TestFleet.of(4)))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.action()).isEqualTo(Action.scaleTo(5));
              assertThat(a.reason()).startsWith("latency SLO violated under load");
              assertThat(a.values()).containsEntry("latency_slo_violation_ratio", "0.2");
            });

    // Slow without load (e.g. injected latency): more workers would not help.
    TestSignals slowIdle = slow;
    for (String w : TestFleet.ids(4)) {
      slowIdle.worker(WORKER_CPU_SATURATION, w, 0.3);
    }
    assertThat(propose(slowIdle, TestFleet.of(4)))
        .extracting(a -> a.action().parameters().get("replicas"))
        .containsExactly("2");
  }

  @Test
  void withoutSaturationDataScalingHolds() {
    TestSignals s = TestSignals.healthy(TestFleet.ids(3)).failed(WORKER_CPU_SATURATION, "TIMEOUT");
    assertThat(propose(s, TestFleet.of(3))).isEmpty();
  }
}
