package dev.microscope.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DnsTargetsTest {
  @Test
  void everyAddressOfTheNameWithThePort() {
    assertThat(DnsTargets.parse("localhost:8123").hostPorts()).contains("127.0.0.1:8123");
  }

  @Test
  void aNameThatDoesNotResolveGivesNoTargets() {
    assertThat(DnsTargets.parse("no-such-host.invalid:80").hostPorts()).isEmpty();
  }

  @Test
  void needsAPort() {
    assertThatThrownBy(() -> DnsTargets.parse("workers.default.svc"))
        .hasMessageContaining("host:port");
  }
}
