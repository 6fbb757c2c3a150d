package dev.microscope.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.microscope.worker.Endpoint;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EndpointMixTest {
  @Test
  void picksEndpointsInProportionToTheirWeights() {
    EndpointMix mix = EndpointMix.parse("/api/users=70,/api/orders=25,/api/slow=5");
    Random random = new Random(3);
    Map<Endpoint, Integer> counts = new EnumMap<>(Endpoint.class);

    for (int i = 0; i < 20_000; i++) {
      counts.merge(mix.pick(random), 1, Integer::sum);
    }

    assertThat(counts.get(Endpoint.USERS) / 20_000.0).isCloseTo(0.70, within(0.02));
    assertThat(counts.get(Endpoint.ORDERS) / 20_000.0).isCloseTo(0.25, within(0.02));
    assertThat(counts.get(Endpoint.SLOW) / 20_000.0).isCloseTo(0.05, within(0.01));
    assertThat(mix).isEqualTo(EndpointMix.defaults());
  }

  @Test
  void anEndpointLeftOutIsNeverPicked() {
    EndpointMix mix = EndpointMix.parse("/api/slow=1");
    Random random = new Random(3);

    for (int i = 0; i < 100; i++) {
      assertThat(mix.pick(random)).isEqualTo(Endpoint.SLOW);
    }
  }

  @Test
  void refusesWhatIsNotAMix() {
    assertThatThrownBy(() -> EndpointMix.parse("/api/users"))
        .hasMessageContaining("endpoint=weight");
    assertThatThrownBy(() -> EndpointMix.parse("/api/nope=1"))
        .hasMessageContaining("unknown endpoint /api/nope");
    assertThatThrownBy(() -> EndpointMix.parse("/api/users=x"))
        .hasMessageContaining("must be a number");
    assertThatThrownBy(() -> EndpointMix.parse("/api/users=0"))
        .hasMessageContaining("must not all be 0");
    assertThatThrownBy(() -> EndpointMix.parse("/api/users=-1")).hasMessageContaining(">= 0");
  }
}
