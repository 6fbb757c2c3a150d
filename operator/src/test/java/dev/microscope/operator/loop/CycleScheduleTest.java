package dev.microscope.operator.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microscope.operator.api.v1alpha1.ControlStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CycleScheduleTest {
  private static final Instant LAST = Instant.parse("2030-01-01T00:00:00Z");
  private static final Duration POLL = Duration.ofSeconds(15);

  @Test
  void aFirstCycleAtOnce() {
    var verdict = CycleSchedule.check(null, 1, false, POLL, List.of(), LAST);
    assertThat(verdict.run()).hasValueSatisfying(t -> assertThat(t.value()).isEqualTo("poll"));
    assertThat(verdict.next()).isEqualTo(POLL);
  }

  @Test
  void aWakeUpBeforeThePollIntervalRunsNothingAndSaysWhenToLookAgain() {
    var verdict = CycleSchedule.check(last(), 1, false, POLL, List.of(), LAST.plusSeconds(4));
    assertThat(verdict.run()).isEmpty();
    assertThat(verdict.next()).isEqualTo(Duration.ofSeconds(11));
  }

  @Test
  void thePollIntervalPassed() {
    assertThat(CycleSchedule.check(last(), 1, false, POLL, List.of(), LAST.plusSeconds(15)).run())
        .hasValueSatisfying(t -> assertThat(t.value()).isEqualTo("poll"));
  }

  @Test
  void aChangedSpecOrPauseRunsAtOnce() {
    assertThat(CycleSchedule.check(last(), 2, false, POLL, List.of(), LAST.plusSeconds(1)).run())
        .hasValueSatisfying(t -> assertThat(t.value()).isEqualTo("change"));
    assertThat(CycleSchedule.check(last(), 1, true, POLL, List.of(), LAST.plusSeconds(1)).run())
        .hasValueSatisfying(t -> assertThat(t.value()).isEqualTo("change"));
  }

  @Test
  void alertsRunAtOnceAndNameThemselves() {
    var verdict =
        CycleSchedule.check(last(), 1, false, POLL, List.of("B", "A", "B"), LAST.plusSeconds(1));
    assertThat(verdict.run()).hasValueSatisfying(t -> assertThat(t.value()).isEqualTo("alert:A,B"));
  }

  @Test
  void aLastCycleInTheFutureOrUnreadableCountsAsDue() {
    assertThat(CycleSchedule.check(last(), 1, false, POLL, List.of(), LAST.minusSeconds(60)).run())
        .isPresent();
    var garbled = last();
    garbled.setLastCycleTime("yesterday");
    assertThat(CycleSchedule.check(garbled, 1, false, POLL, List.of(), LAST).run()).isPresent();
  }

  private static ControlStatus last() {
    var status = new ControlStatus();
    status.setLastCycleTime(LAST.toString());
    status.setObservedGeneration(1L);
    status.setPaused(false);
    return status;
  }
}
