package dev.microscope.operator.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConstraintSizerTest {
  private static final long MIB = 1L << 20;

  @Test
  void defaultBudgetFitsOneWorkerPodOfTenVirtualWorkers() {
    var sizing = ConstraintSizer.size(new Budget(256 * MIB, 0, 10, 1, 5));

    assertThat(sizing.worker().heapBytes()).isEqualTo(15 * MIB);
    assertThat(sizing.worker().limitBytes()).isEqualTo(79 * MIB);
    assertThat(sizing.loadgen().limitBytes()).isEqualTo(80 * MIB);
    assertThat(sizing.operatorBytes()).isEqualTo(88 * MIB);
    assertThat(sizing.maxPods()).isEqualTo(1);
    assertThat(sizing.maxWorkers()).isEqualTo(10);
    assertThat(sizing.committedBytes()).isLessThanOrEqualTo(256 * MIB);
    assertThat(sizing.worker().flags()).contains("-Xmx15m", "-XX:+ExitOnOutOfMemoryError");
  }

  @Test
  void maxPodsIsWhatFitsNeverMoreThanTheSpecAllows() {
    // 1 GiB less operator (88) and traffic generator (80) leaves 856 MiB: 10 pods of 79 MiB
    assertThat(ConstraintSizer.size(new Budget(1024 * MIB, 0, 10, 1, 100)).maxPods()).isEqualTo(10);
    assertThat(ConstraintSizer.size(new Budget(1024 * MIB, 0, 10, 1, 3)).maxPods()).isEqualTo(3);
  }

  @Test
  void committedMemoryNeverExceedsTheBudget() {
    for (long mib = 247; mib <= 4096; mib += 7) {
      for (int perPod : new int[] {1, 10, 48}) {
        var budget = new Budget(mib * MIB, 0, perPod, 1, 1000);
        try {
          assertThat(ConstraintSizer.size(budget).committedBytes())
              .isLessThanOrEqualTo(budget.memoryBytes());
        } catch (DoesNotFit e) {
          assertThat(e.field()).isEqualTo("spec.constraints.memoryBudget");
        }
      }
    }
  }

  @Test
  void exactBoundaryFitsAndOneByteLessIsRefused() {
    long exact = 88 * MIB + 80 * MIB + 79 * MIB;
    assertThat(ConstraintSizer.size(new Budget(exact, 0, 10, 1, 5)).maxPods()).isEqualTo(1);

    assertThatThrownBy(() -> ConstraintSizer.size(new Budget(exact - 1, 0, 10, 1, 5)))
        .isInstanceOf(DoesNotFit.class)
        .hasMessageStartingWith("spec.constraints.memoryBudget is 247Mi")
        .hasMessageContaining("need 247Mi")
        .hasMessageContaining("spec.workers.workersPerPod");
  }

  @Test
  void tooManyVirtualWorkersPerPodDoNotFit() {
    // heap 12 MiB + 256 KiB each: 48 per pod is a 24 MiB heap (88 MiB limit) and still fits 256 MiB
    assertThat(ConstraintSizer.size(new Budget(256 * MIB, 0, 48, 1, 5)).maxPods()).isEqualTo(1);
    assertThatThrownBy(() -> ConstraintSizer.size(new Budget(256 * MIB, 0, 52, 1, 5)))
        .isInstanceOf(DoesNotFit.class);
  }

  @Test
  void minimumPodsThatDoNotFitAreRefusedNamingTheMinimum() {
    assertThatThrownBy(() -> ConstraintSizer.size(new Budget(256 * MIB, 0, 10, 2, 5)))
        .isInstanceOf(DoesNotFit.class)
        .hasMessageContaining("2 worker pod(s)")
        .hasMessageContaining("spec.workers.replicas.min 2");
  }

  @Test
  void cpuQuotaIsSharedAndLimitsThePodCount() {
    var sizing = ConstraintSizer.size(new Budget(1024 * MIB, 500, 10, 1, 100));
    // 500m less 100m each for the operator and the traffic generator: 6 pods of 50m, not 10
    assertThat(sizing.maxPods()).isEqualTo(6);
    assertThat(sizing.workerCpuMillis()).isEqualTo(50);
    assertThat(sizing.loadgenCpuMillis()).isEqualTo(100);

    var roomy = ConstraintSizer.size(new Budget(256 * MIB, 1000, 10, 1, 5));
    assertThat(roomy.workerCpuMillis()).isEqualTo(800);
  }

  @Test
  void cpuQuotaTooSmallForTheMinimumIsRefused() {
    assertThatThrownBy(() -> ConstraintSizer.size(new Budget(256 * MIB, 249, 10, 1, 5)))
        .isInstanceOf(DoesNotFit.class)
        .hasMessageStartingWith("spec.constraints.cpu is 249m")
        .hasMessageContaining("need 250m");
    assertThat(ConstraintSizer.size(new Budget(256 * MIB, 250, 10, 1, 5)).workerCpuMillis())
        .isEqualTo(50);
  }

  @Test
  void withoutACpuQuotaNothingIsLimited() {
    var sizing = ConstraintSizer.size(new Budget(256 * MIB, 0, 1, 1, 5));
    assertThat(sizing.workerCpuMillis()).isZero();
    assertThat(sizing.loadgenCpuMillis()).isZero();
  }

  @Test
  void clampKeepsTheControlLoopInsideWhatFits() {
    var sizing = ConstraintSizer.size(new Budget(1024 * MIB, 0, 10, 1, 100));
    assertThat(sizing.clamp(50)).isEqualTo(10);
    assertThat(sizing.clamp(4)).isEqualTo(4);
  }

  @Test
  void cpuQuantitiesReadAsMillicores() {
    assertThat(CpuQuantity.millis("1", "f")).isEqualTo(1000);
    assertThat(CpuQuantity.millis("1.5", "f")).isEqualTo(1500);
    assertThat(CpuQuantity.millis("250m", "f")).isEqualTo(250);
    assertThatThrownBy(() -> CpuQuantity.millis("1Gi", "spec.constraints.cpu"))
        .hasMessageStartingWith("spec.constraints.cpu is '1Gi'");
  }
}
