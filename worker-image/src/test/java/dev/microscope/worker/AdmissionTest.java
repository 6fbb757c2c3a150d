package dev.microscope.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class AdmissionTest {

  @Test
  void queuesBehindAFullPoolAndRefusesBeyondTheQueue() throws InterruptedException {
    Admission admission = new Admission(2, 1);
    assertThat(admission.enter()).isTrue();
    assertThat(admission.enter()).isTrue();

    AtomicBoolean queuedGotIn = new AtomicBoolean();
    Thread queued =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    queuedGotIn.set(admission.enter());
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                });
    await().atMost(Duration.ofSeconds(10)).until(() -> admission.queued() == 1);

    assertThat(admission.enter()).as("pool and queue full").isFalse();
    assertThat(admission.saturation()).isEqualTo(1.0);

    admission.exit();
    queued.join(Duration.ofSeconds(10));
    assertThat(queuedGotIn).isTrue();
    assertThat(admission.queued()).isZero();
    assertThat(admission.inFlight()).isEqualTo(2);
    assertThat(admission.saturation())
        .isCloseTo(2 / 3.0, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void withoutAQueueRefusesAsSoonAsThePoolIsFull() throws InterruptedException {
    Admission admission = new Admission(1, 0);
    assertThat(admission.enter()).isTrue();

    assertThat(admission.enter()).isFalse();

    admission.exit();
    assertThat(admission.enter()).isTrue();
  }
}
