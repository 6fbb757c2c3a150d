package dev.microscope.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void noCommandIsBadUsage() {
    assertThat(Main.run()).isEqualTo(2);
  }

  @Test
  void operatorCommandHasHelpAndRejectsUnknownFlags() {
    assertThat(Main.run("operator", "--help")).isZero();
    assertThat(Main.run("operator", "--no-such-flag")).isEqualTo(2);
  }

  @Test
  void anUnreadableWebhookTokenFileIsBadUsage() {
    assertThat(Main.run("operator", "--webhook-token-file", "/no/such/token")).isEqualTo(2);
  }

  @Test
  void versionComesFromTheBuild() {
    assertThat(Version.current()).isNotBlank().doesNotContain("${");
  }
}
