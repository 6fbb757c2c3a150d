package dev.microscope.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.api.v1alpha1.LiesFault;
import dev.microscope.operator.api.v1alpha1.MemoryLeakFault;
import org.junit.jupiter.api.Test;

class ChaosFileTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void scalesIntensitiesByTheLevelInTheContractShape() throws Exception {
    var chaos = TestFleets.fleet("demo").getSpec().getChaos();
    var leak = new MemoryLeakFault();
    leak.setBytesPerSecond(1000L);
    leak.setMaxBytes(5000L);
    chaos.setMemoryLeak(leak);
    var lies = new LiesFault();
    lies.setHideErrors(true);
    chaos.setLies(lies);

    var json = JSON.readTree(ChaosFile.render(chaos, 0.4));

    assertThat(json.get("leaseSeconds").asInt()).isEqualTo(60);
    assertThat(json.get("level").asDouble()).isEqualTo(0.4);
    assertThat(json.at("/latency/probability").asDouble()).isEqualTo(0.2);
    assertThat(json.at("/latency/distribution").asText()).isEqualTo("uniform");
    assertThat(json.at("/latency/minMs").asInt()).isEqualTo(100);
    assertThat(json.at("/errors/rate").asDouble()).isEqualTo(0.08);
    assertThat(json.at("/errors/status").asInt()).isEqualTo(500);
    assertThat(json.at("/memoryLeak/bytesPerSecond").asLong()).isEqualTo(400);
    assertThat(json.at("/memoryLeak/maxBytes").asLong()).isEqualTo(5000);
    assertThat(json.at("/lies/hideErrors").asBoolean()).isTrue();
    assertThat(json.has("cpu")).isFalse();
  }

  @Test
  void levelZeroTurnsEveryFaultOff() throws Exception {
    var chaos = TestFleets.fleet("demo").getSpec().getChaos();
    var json = JSON.readTree(ChaosFile.render(chaos, 0));
    assertThat(json.fieldNames()).toIterable().containsExactly("leaseSeconds", "level");
  }

  @Test
  void levelComesFromPauseAdaptiveControlAndMaxLevel() {
    var fleet = TestFleets.fleet("demo");
    fleet.getSpec().getChaos().setMaxLevel(0.6);
    assertThat(ChaosLevel.current(fleet)).isEqualTo(0.6);

    fleet.getSpec().getChaos().getAdaptive().setEnabled(true);
    assertThat(ChaosLevel.current(fleet)).isEqualTo(0.1);
    var status = new ChaosFleetStatus();
    status.setChaosLevel(0.9);
    fleet.setStatus(status);
    assertThat(ChaosLevel.current(fleet)).isEqualTo(0.6);
    status.setChaosLevel(0.3);
    assertThat(ChaosLevel.current(fleet)).isEqualTo(0.3);

    fleet.getMetadata().setAnnotations(java.util.Map.of("microscope.dev/paused", "true"));
    assertThat(ChaosLevel.current(fleet)).isZero();
  }
}
