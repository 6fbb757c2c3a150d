package dev.microscope.operator.control;

import static dev.microscope.operator.control.BuiltinSignal.ERROR_BUDGET_REMAINING;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_MEMORY_TIME_TO_LIMIT_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one entry point: what a cycle reports besides its decisions. */
class ControlLoopTest {
  @Test
  void theSummaryCarriesTheSlisClassificationsAndState() {
    Signals signals =
        TestSignals.healthy(TestFleet.ids(3))
            .burn(BurnWindow.M5, 2)
            .fleet(ERROR_BUDGET_REMAINING, -0.5)
            .worker(WORKER_MEMORY_TIME_TO_LIMIT_SECONDS, "w-2", 30)
            .at(Loop.T0);
    ControlResult r =
        ControlLoop.decide(
            FleetPolicy.defaults(), signals, TestFleet.of(3), ControlMemory.empty(), Loop.T0);
    ControlSummary s = r.summary();
    assertThat(s.mode()).isEqualTo(Mode.ENFORCE);
    assertThat(s.safeMode()).isFalse();
    assertThat(s.errorBudgetExhausted()).isTrue();
    assertThat(s.degraded()).isTrue();
    assertThat(s.sli())
        .containsEntry("burn_rate_5m", 2.0)
        .containsEntry("error_budget_remaining", -0.5);
    assertThat(s.sli().get("error_ratio_5m")).isCloseTo(0.02, within(1e-12));
    // 1 - (1 - (-0.5)) * 0.01: the window's availability.
    assertThat(s.sli().get("availability")).isCloseTo(0.985, within(1e-12));
    assertThat(s.classifications())
        .extracting(Classification::worker, Classification::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("w-0", WorkerState.HEALTHY),
            org.assertj.core.groups.Tuple.tuple("w-1", WorkerState.HEALTHY),
            org.assertj.core.groups.Tuple.tuple("w-2", WorkerState.ABOUT_TO_OOM));
  }

  @Test
  void decisionsNameTheTriggerThatStartedTheCycle() {
    Signals signals =
        TestSignals.healthy(TestFleet.ids(2))
            .worker(WORKER_MEMORY_TIME_TO_LIMIT_SECONDS, "w-1", 30)
            .at(Loop.T0);
    ControlResult r =
        ControlLoop.decide(
            Trigger.alert("MicroscopeWorkerMemoryNearLimit"),
            FleetPolicy.defaults(),
            signals,
            TestFleet.of(2),
            ControlMemory.empty(),
            Loop.T0);
    assertThat(r.planned())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.trigger()).isEqualTo("alert:MicroscopeWorkerMemoryNearLimit");
              assertThat(d.at()).isEqualTo(Loop.T0);
              assertThat(d.toAction()).isEqualTo(Action.restart("w-1"));
            });
  }

  @Test
  void theSameInputsGiveTheSameResult() {
    Signals signals =
        TestSignals.healthy(TestFleet.ids(5)).liar("w-3", Map.of("traffic", 1.0)).at(Loop.T0);
    ControlResult a =
        ControlLoop.decide(
            FleetPolicy.defaults(), signals, TestFleet.of(5), ControlMemory.empty(), Loop.T0);
    ControlResult b =
        ControlLoop.decide(
            FleetPolicy.defaults(), signals, TestFleet.of(5), ControlMemory.empty(), Loop.T0);
    assertThat(a).isEqualTo(b);
  }
}
