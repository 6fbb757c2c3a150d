package dev.microscope.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CpuBurnerTest {
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  @Test
  void burnsProcessCpuUntilStopped() {
    CpuBurner burner = new CpuBurner();
    long before = processCpuNanos();
    long wallBefore = System.nanoTime();
    try {
      burner.start("test-burn", 1.0, 1.0);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> processCpuNanos() - before > 1_000_000_000L);
    } finally {
      burner.stop();
    }
    double cores = (processCpuNanos() - before) / (double) (System.nanoTime() - wallBefore);
    assertThat(cores).as("cores busy while burning").isGreaterThan(0.3);
    assertThat(burner.isRunning()).isFalse();
  }
}
