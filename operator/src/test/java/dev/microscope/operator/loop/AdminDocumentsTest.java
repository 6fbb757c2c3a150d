package dev.microscope.operator.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscope.operator.api.v1alpha1.ChaosFleetSpec;
import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.api.v1alpha1.PrometheusSpec;
import dev.microscope.operator.api.v1alpha1.TrafficPattern;
import dev.microscope.operator.control.FaultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The admin API documents the loop sends, in the shapes of docs/contract.md. */
class AdminDocumentsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void chaosWithEveryFault() throws Exception {
    var faults =
        new FaultSet(
            new FaultSet.Latency(0.30000000000000004, "uniform", 100, 800),
            new FaultSet.Errors(0.2, 503, new FaultSet.Burst(60, 10, 0.9)),
            new FaultSet.MemoryLeak(0, 4096),
            new FaultSet.Cpu(1.0, 0.5, 0),
            new FaultSet.Crash(0.1),
            new FaultSet.Lies(true, 0.1, false, 3.0),
            new FaultSet.Cardinality(50, 5000));

    var json = JSON.readTree(ChaosJson.render(faults, 0.4, 30, 42L));

    assertThat(json.get("leaseSeconds").asInt()).isEqualTo(30);
    assertThat(json.get("level").asDouble()).isEqualTo(0.4);
    assertThat(json.get("seed").asLong()).isEqualTo(42);
    assertThat(json.at("/latency/probability").asDouble()).isEqualTo(0.3);
    assertThat(json.at("/errors/burst/everySeconds").asInt()).isEqualTo(60);
    assertThat(json.at("/memoryLeak/bytesPerSecond").asLong())
        .as("at least a byte per second")
        .isEqualTo(1);
    assertThat(json.at("/cpu").has("durationSeconds")).as("until the lease ends").isFalse();
    assertThat(json.at("/lies/trafficFactor").asDouble()).isEqualTo(3.0);
    assertThat(json.at("/cardinality/maxSeries").asInt()).isEqualTo(5000);
  }

  @Test
  void noFaultIsLevelZeroWithTheLease() throws Exception {
    var json = JSON.readTree(ChaosJson.render(FaultSet.none(), 0, 60, null));
    assertThat(json.fieldNames()).toIterable().containsExactly("leaseSeconds", "level");
  }

  @Test
  void trafficFollowsTheStatusAndStopsInSafeModeWhenAskedTo() throws Exception {
    var spec = new ChaosFleetSpec();
    spec.getTraffic().getPattern().setType(TrafficPattern.PatternType.SINE);
    spec.getTraffic().getPattern().setPeriodSeconds(60);
    spec.getTraffic().getPattern().setAmplitude(0.5);
    var status = new ChaosFleetStatus();
    status.setTrafficRate(42.0);
    status.setQuarantinedWorkers(List.of("w-2", "w-1"));

    var json = JSON.readTree(DesiredTraffic.of(spec, status).json());

    assertThat(json.get("enabled").asBoolean()).isTrue();
    assertThat(json.get("rate").asDouble()).isEqualTo(42.0);
    assertThat(json.at("/pattern/type").asText()).isEqualTo("sine");
    assertThat(json.at("/pattern/periodSeconds").asInt()).isEqualTo(60);
    assertThat(json.at("/mix/~1api~1users").asInt()).isEqualTo(70);
    assertThat(json.get("exclude").toString()).isEqualTo("[\"w-1\",\"w-2\"]");

    assertThat(DesiredTraffic.of(spec, 10.0, List.of(), true).enabled())
        .as("safe mode without StopTraffic keeps the traffic")
        .isTrue();
    spec.getPrometheus().setWhileBlind(PrometheusSpec.WhileBlind.STOP_TRAFFIC);
    assertThat(DesiredTraffic.of(spec, 10.0, List.of(), true).enabled()).isFalse();
    assertThat(DesiredTraffic.of(spec, null, List.of(), false).rate()).isEqualTo(10.0);
  }
}
