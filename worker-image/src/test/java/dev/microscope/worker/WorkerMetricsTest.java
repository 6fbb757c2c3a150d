package dev.microscope.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.microscope.chaos.ChaosSpec.Lies;
import dev.microscope.worker.metrics.CodeClass;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WorkerMetricsTest {
  private final WorkerMetrics metrics = new WorkerMetrics();
  private final Random random = new Random(1);

  @Test
  void countsTheTruthWithoutLies() {
    metrics.record(Endpoint.USERS, 200, null, 100_000_000, Lies.NONE, random);
    metrics.record(Endpoint.USERS, 500, ErrorReason.CHAOS, 300_000_000, Lies.NONE, random);

    assertThat(metrics.requests(Endpoint.USERS, CodeClass.C2XX)).isEqualTo(1);
    assertThat(metrics.requests(Endpoint.USERS, CodeClass.C5XX)).isEqualTo(1);
    assertThat(metrics.errors(Endpoint.USERS, ErrorReason.CHAOS)).isEqualTo(1);
    assertThat(metrics.durations(Endpoint.USERS).sumSeconds()).isCloseTo(0.4, within(1e-9));
    assertThat(metrics.seen(Endpoint.ORDERS)).isFalse();
  }

  @Test
  void hiddenErrorsAreReportedAsSuccesses() {
    Lies lies = new Lies(true, 1, false, 1);

    metrics.record(Endpoint.USERS, 500, ErrorReason.CHAOS, 1_000_000, lies, random);

    assertThat(metrics.requests(Endpoint.USERS, CodeClass.C5XX)).isZero();
    assertThat(metrics.requests(Endpoint.USERS, CodeClass.C2XX)).isEqualTo(1);
    assertThat(metrics.errors(Endpoint.USERS, ErrorReason.CHAOS)).isZero();
  }

  @Test
  void shrunkLatencyIsReportedShrunk() {
    metrics.record(
        Endpoint.SLOW, 200, null, 4_000_000_000L, new Lies(false, 0.1, false, 1), random);

    assertThat(metrics.durations(Endpoint.SLOW).sumSeconds()).isCloseTo(0.4, within(1e-9));
  }

  @Test
  void frozenCountersDoNotMove() {
    metrics.record(Endpoint.USERS, 200, null, 1, Lies.NONE, random);

    metrics.record(
        Endpoint.USERS, 500, ErrorReason.PROFILE, 1, new Lies(false, 1, true, 1), random);

    assertThat(metrics.requests(Endpoint.USERS, CodeClass.C2XX)).isEqualTo(1);
    assertThat(metrics.requests(Endpoint.USERS, CodeClass.C5XX)).isZero();
    assertThat(metrics.durations(Endpoint.USERS).count()).isEqualTo(1);
  }

  @Test
  void inflatedTrafficIsReportedAtTheFactorOnAverage() {
    Lies triple = new Lies(false, 1, false, 3);
    metrics.record(Endpoint.ORDERS, 500, ErrorReason.PROFILE, 1, triple, random);
    assertThat(metrics.requests(Endpoint.ORDERS, CodeClass.C5XX)).isEqualTo(3);
    assertThat(metrics.errors(Endpoint.ORDERS, ErrorReason.PROFILE)).isEqualTo(3);

    Lies twoAndAHalf = new Lies(false, 1, false, 2.5);
    for (int i = 0; i < 10_000; i++) {
      metrics.record(Endpoint.USERS, 200, null, 1, twoAndAHalf, random);
    }
    assertThat(metrics.requests(Endpoint.USERS, CodeClass.C2XX) / 10_000.0)
        .isCloseTo(2.5, within(0.05));
    assertThat(metrics.durations(Endpoint.USERS).count())
        .isEqualTo(metrics.requests(Endpoint.USERS, CodeClass.C2XX));
  }
}
