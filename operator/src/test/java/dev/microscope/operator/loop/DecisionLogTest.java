package dev.microscope.operator.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.api.v1alpha1.DecisionEntry;
import dev.microscope.operator.control.ActionType;
import dev.microscope.operator.control.Decision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionLogTest {
  private static final Instant T = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void anEntryTellsEverythingAboutTheDecision() {
    var values = new LinkedHashMap<String, String>();
    values.put("worker_memory_time_to_limit_seconds", "51.4");
    values.put("worker_memory_usage_ratio", "0.23");
    var acted =
        ActedDecision.applied(
            new Decision(
                T,
                "alert:MicroscopeWorkerAboutToOOM",
                "about-to-oom",
                values,
                "time to limit < 600s or usage >= 0.9",
                ActionType.RESTART_WORKER,
                "w-1",
                Map.of(),
                false,
                Decision.Outcome.PLANNED,
                "memory reaches its limit in 51.4s"),
            null);

    var e = DecisionLog.append(List.of(), List.of(acted)).log().get(0);

    assertThat(e.getTime()).isEqualTo("2030-01-01T00:00:00Z");
    assertThat(e.getTrigger()).isEqualTo("alert:MicroscopeWorkerAboutToOOM");
    assertThat(e.getRule()).isEqualTo("about-to-oom");
    assertThat(e.getValues()).containsExactlyEntriesOf(values);
    assertThat(e.getQueryValue()).isEqualTo(51.4);
    assertThat(e.getCondition()).isEqualTo("time to limit < 600s or usage >= 0.9");
    assertThat(e.getThreshold()).as("not a single comparison").isNull();
    assertThat(e.getAction()).isEqualTo("restart_worker");
    assertThat(e.getTarget()).isEqualTo("w-1");
    assertThat(e.getParameters()).isNull();
    assertThat(e.getDryRun()).isFalse();
    assertThat(e.getResult()).isEqualTo("applied");
    assertThat(e.getReason()).isEqualTo("memory reaches its limit in 51.4s");
    assertThat(e.getCount()).isEqualTo(1);
  }

  @Test
  void thresholdOfASingleComparison() {
    assertThat(DecisionLog.threshold(">= 0.5")).isEqualTo(0.5);
    assertThat(DecisionLog.threshold("< 1e3")).isEqualTo(1000.0);
    assertThat(DecisionLog.threshold("> 14.4 over 5m and 1h")).isNull();
    assertThat(DecisionLog.threshold(null)).isNull();
  }

  @Test
  void aBlockedDecisionRepeatedEveryCycleIsOneEntryWithACountAndNoNewEvent() {
    List<DecisionEntry> log = List.of();
    var fresh = new ArrayList<ActedDecision>();
    for (int i = 0; i < 5; i++) {
      var appended =
          DecisionLog.append(log, List.of(blocked("scaling", "fleet", T.plusSeconds(15L * i))));
      log = appended.log();
      fresh.addAll(appended.fresh());
    }
    assertThat(log)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getCount()).isEqualTo(5);
              assertThat(e.getTime()).isEqualTo(T.plusSeconds(60).toString());
            });
    assertThat(fresh).hasSize(1);
  }

  @Test
  void appliedDecisionsAreNeverFoldedAndTheLogIsBounded() {
    List<DecisionEntry> log = List.of();
    for (int i = 0; i < ChaosFleetStatus.MAX_DECISIONS + 5; i++) {
      log =
          DecisionLog.append(log, List.of(ActedDecision.applied(decision("r", "w-" + i, T), null)))
              .log();
    }
    assertThat(log).hasSize(ChaosFleetStatus.MAX_DECISIONS);
    assertThat(log.get(0).getTarget()).isEqualTo("w-5");
    assertThat(log.get(log.size() - 1).getTarget())
        .isEqualTo("w-" + (ChaosFleetStatus.MAX_DECISIONS + 4));
  }

  @Test
  void aRepeatMovesToTheEnd() {
    var log =
        DecisionLog.append(
                List.of(),
                List.of(
                    blocked("scaling", "fleet", T),
                    ActedDecision.applied(decision("liar", "w-1", T), null)))
            .log();
    var appended = DecisionLog.append(log, List.of(blocked("scaling", "fleet", T.plusSeconds(15))));
    assertThat(appended.log())
        .extracting(DecisionEntry::getRule)
        .containsExactly("liar", "scaling");
    assertThat(appended.fresh()).isEmpty();
  }

  private static ActedDecision blocked(String rule, String target, Instant at) {
    var d = decision(rule, target, at);
    return ActedDecision.unplanned(
        new Decision(
            d.at(),
            d.trigger(),
            d.rule(),
            d.values(),
            d.threshold(),
            d.action(),
            d.target(),
            d.parameters(),
            false,
            Decision.Outcome.BLOCKED,
            "scale-down stabilization"));
  }

  private static Decision decision(String rule, String target, Instant at) {
    return new Decision(
        at,
        "poll",
        rule,
        Map.of("v", "1"),
        ">= 0.5",
        ActionType.SCALE,
        target,
        Map.of("replicas", "3"),
        false,
        Decision.Outcome.PLANNED,
        "because");
  }
}
