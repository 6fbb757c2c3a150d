package dev.microscope.operator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReactionLogTest {
  @Test
  void aPollingLoopActsAtItsFirstPollAfterTheDetectionWhateverItsPhase() {
    double[] hpa = ReactionLog.Peer.HPA.delays();
    assertThat(hpa).hasSize(150);
    assertThat(hpa[0]).isZero();
    assertThat(hpa[hpa.length - 1]).isCloseTo(14.9, within(1e-9));
    assertThat(hpa[hpa.length / 2]).isCloseTo(7.5, within(1e-9));
    double[] keda = ReactionLog.Peer.KEDA.delays();
    assertThat(keda[keda.length / 2]).isCloseTo(15.0, within(1e-9));
  }
}
