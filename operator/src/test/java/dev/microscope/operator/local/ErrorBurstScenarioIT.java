package dev.microscope.operator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.operator.control.BuiltinSignal;
import dev.microscope.operator.control.ChaosController;
import dev.microscope.testkit.WebhookReceiver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 2: an error burst. The fast burn is detected, chaos goes to 0 on every worker, and the
 * burn alert reaches a person's webhook receiver through the real Alertmanager.
 */
class ErrorBurstScenarioIT {
  @TempDir Path dir;

  @Test
  void fastBurnStopsChaosEverywhereAndPagesThroughAlertmanager() throws Exception {
    try (var receiver = WebhookReceiver.start()) {
      var base = Scenario.options(Scenario.fleet("burn"), dir.resolve("run"));
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
              false,
              receiver.url("/page"),
              0);
      try (var s = Scenario.start(options)) {
        s.awaitHealthy();
        await("errors injected on a worker")
            .atMost(Scenario.WAIT)
            .pollInterval(Duration.ofMillis(100))
            .until(
                () ->
                    s.serving().stream()
                        .anyMatch(h -> s.chaos(h).map(c -> c.has("errors")).orElse(false)));
        var onset = Instant.now();

        var abort = s.awaitDecision("abort_chaos", "fleet"::equals);
        await("chaos off on every worker")
            .atMost(Scenario.WAIT)
            .pollInterval(Duration.ofMillis(100))
            .until(() -> s.serving().stream().allMatch(h -> chaosOff(s, h)));
        var off = Instant.now();
        assertThat(abort.getResult()).isEqualTo("applied");
        assertThat(abort.getRule()).isIn("fast-burn", "budget-exhausted");
        assertThat(s.runtime().status().getChaosLevel()).isZero();
        // a cycle whose burn query timed out on a busy machine leaves that indicator empty: the
        // next one that reads it shows the burn
        await("the fast burn in the status")
            .atMost(Scenario.WAIT)
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> {
                  var sli = s.runtime().status().getSli();
                  return sli != null && sli.getBurnRate5m() != null && sli.getBurnRate5m() > 14.4;
                });

        var paged =
            await("the burn alert at the person's receiver")
                .atMost(Scenario.WAIT)
                .pollInterval(Duration.ofMillis(200))
                .until(
                    () ->
                        receiver.received().stream()
                            .filter(r -> r.body().contains("MicroscopeErrorBudgetBurnFast"))
                            .findFirst(),
                    java.util.Optional::isPresent)
                .get();
        var pagedAt = Instant.now();
        assertThat(paged.body()).contains("\"fleet\":\"burn\"").contains("\"namespace\":\"local\"");
        assertThat(s.runtime().lastAlertAt())
            .as("the alert reached the control loop too")
            .isNotNull();
        double fast = ChaosController.FAST_BURN;
        String burning =
            "(%s) >= %s and on (namespace, fleet) (%s) >= %s or on (namespace, fleet) (%s) <= 0"
                .formatted(
                    s.signal(BuiltinSignal.BURN_RATE_M5),
                    fast,
                    s.signal(BuiltinSignal.BURN_RATE_H1),
                    fast,
                    s.signal(BuiltinSignal.ERROR_BUDGET_REMAINING));
        ReactionLog.reaction("2 error burst", "errors on -> chaos 0 on every worker")
            .onset(onset)
            .detected(
                s.detected(burning, labels -> true, onset, off),
                "burn rate >= %s over 5m and 1h, or no budget left".formatted(fast))
            .action(off)
            .within(0)
            .against(ReactionLog.Peer.HPA, ReactionLog.Peer.KEDA)
            .note("rule " + abort.getRule() + ", trigger " + abort.getTrigger())
            .record();
        double forSeconds = 120 * base.alertForScale();
        ReactionLog.reaction("2 error burst", "errors on -> page at the webhook receiver")
            .onset(onset)
            .detected(
                s.detected(
                    "ALERTS{alertname=\"MicroscopeErrorBudgetBurnFast\",fleet=\"burn\"}",
                    labels -> true,
                    onset,
                    pagedAt),
                "the alert's expression (pending)")
            .action(pagedAt)
            .within(forSeconds)
            .note(
                "MicroscopeErrorBudgetBurnFast, for: 2m scaled by %.2f = %.0f s; Alertmanager"
                        .formatted(base.alertForScale(), forSeconds)
                    + " group_wait 0 s")
            .record();
      }
    }
  }

  /** Level 0 and no fault: what the control loop sends to turn chaos off. */
  static boolean chaosOff(Scenario s, dev.microscope.operator.loop.WorkerHost host) {
    var chaos = s.chaos(host).orElse(null);
    if (chaos == null || chaos.isNull() || chaos.isMissingNode()) {
      return true;
    }
    var names = new java.util.ArrayList<String>();
    chaos.fieldNames().forEachRemaining(names::add);
    return chaos.path("level").asDouble(-1) == 0
        && names.stream()
            .allMatch(n -> java.util.Set.of("leaseSeconds", "level", "seed").contains(n));
  }
}
