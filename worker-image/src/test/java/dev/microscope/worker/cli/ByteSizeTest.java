package dev.microscope.worker.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {
  @Test
  void readsPlainNumbersAndKubernetesSuffixes() {
    assertThat(ByteSize.parse("1000")).isEqualTo(1000);
    assertThat(ByteSize.parse("64Mi")).isEqualTo(64L << 20);
    assertThat(ByteSize.parse("2Gi")).isEqualTo(2L << 30);
    assertThat(ByteSize.parse("512Ki")).isEqualTo(512L << 10);
    assertThat(ByteSize.parse("128M")).isEqualTo(128_000_000L);
    assertThat(ByteSize.parse(" 1G ")).isEqualTo(1_000_000_000L);
  }

  @Test
  void refusesWhatIsNotASize() {
    assertThatThrownBy(() -> ByteSize.parse("64MB")).hasMessageContaining("\"64MB\"");
    assertThatThrownBy(() -> ByteSize.parse("0")).hasMessageContaining("positive");
    assertThatThrownBy(() -> ByteSize.parse("-5Mi")).hasMessageContaining("positive");
    assertThatThrownBy(() -> ByteSize.parse("99999999999Ti")).hasMessageContaining("byte count");
  }
}
