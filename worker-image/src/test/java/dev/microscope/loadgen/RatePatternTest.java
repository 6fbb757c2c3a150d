package dev.microscope.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RatePatternTest {
  @Test
  void constantIsTheRate() {
    assertThat(new RatePattern.Constant().rateAt(50, 1234)).isEqualTo(50);
  }

  @Test
  void sineSwingsAroundTheRateByTheAmplitude() {
    RatePattern sine = new RatePattern.Sine(60, 0.5);

    assertThat(sine.rateAt(100, 0)).isCloseTo(100, within(1e-9));
    assertThat(sine.rateAt(100, 15)).isCloseTo(150, within(1e-9));
    assertThat(sine.rateAt(100, 45)).isCloseTo(50, within(1e-9));
  }

  @Test
  void burstRunsAtTheBurstRateAtTheStartOfEachPeriod() {
    RatePattern burst = new RatePattern.Burst(60, 10, 400);

    assertThat(burst.rateAt(20, 5)).isEqualTo(400);
    assertThat(burst.rateAt(20, 30)).isEqualTo(20);
    assertThat(burst.rateAt(20, 65)).isEqualTo(400);
  }
}
