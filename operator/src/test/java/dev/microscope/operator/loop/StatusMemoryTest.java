package dev.microscope.operator.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.api.v1alpha1.ControlStatus;
import dev.microscope.operator.control.ActionType;
import dev.microscope.operator.control.ControlMemory;
import dev.microscope.operator.control.Fault;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The control memory survives the trip into a fleet's status and back, as the API stores it. */
class StatusMemoryTest {
  private static final Instant T = Instant.parse("2030-01-01T00:00:00Z");

  static ControlMemory busyMemory() {
    return new ControlMemory(
        List.of(
            new ControlMemory.ActionRecord(ActionType.RESTART_WORKER, "w-1", "about-to-oom", T),
            new ControlMemory.ActionRecord(ActionType.SCALE, "fleet", "scaling", T.plusSeconds(5))),
        new ControlMemory.ChaosMemory(
            0.3,
            Map.of(Fault.LATENCY, 0.1),
            T,
            T.plusSeconds(10),
            null,
            0.2,
            List.of(new ControlMemory.LevelChange(T, 0.3, "chaos-escalation"))),
        new ControlMemory.PrometheusHealth(2, false, T, "UNREACHABLE: refused"),
        Map.of("busy/w-1", T),
        new ControlMemory.ScaleHistory(T, List.of(new ControlMemory.Recommendation(T, 3))),
        new ControlMemory.MemoryKills(Map.of("pod-a", 2), List.of(T, T.plusSeconds(60))));
  }

  @Test
  void roundTripThroughTheKubernetesSerialization() {
    var memory = busyMemory();
    var fleet = ChaosFleet.withDefaultSpec();
    fleet.setStatus(new ChaosFleetStatus());
    fleet.getStatus().setControl(new ControlStatus());
    fleet.getStatus().getControl().setMemory(StatusMemory.write(memory));

    var serialization = new KubernetesSerialization();
    var yaml = serialization.asYaml(fleet);
    var back = serialization.unmarshal(yaml, ChaosFleet.class);

    assertThat(StatusMemory.read(back.getStatus())).isEqualTo(memory);
    assertThat(yaml).contains("2030-01-01T00:00:00Z").doesNotContain("1893456000");
  }

  @Test
  void noStatusOrNoMemoryIsAnEmptyMemory() {
    assertThat(StatusMemory.read((ChaosFleetStatus) null)).isEqualTo(ControlMemory.empty());
    assertThat(StatusMemory.read(new ChaosFleetStatus())).isEqualTo(ControlMemory.empty());
  }

  @Test
  void anUnreadableMemoryStartsEmptyInsteadOfFailingEveryCycle() throws Exception {
    var node = new ObjectMapper().readTree("{\"chaos\": {\"level\": 7}}");
    assertThat(StatusMemory.read(node)).isEqualTo(ControlMemory.empty());
    var garbled = new ObjectMapper().readTree("{\"actions\": \"not a list\"}");
    assertThat(StatusMemory.read(garbled)).isEqualTo(ControlMemory.empty());
  }

  @Test
  void fieldsFromANewerVersionAreIgnored() throws Exception {
    var node =
        new ObjectMapper()
            .readTree(
                "{\"chaos\": {\"level\": 0.4, \"changedAt\": \"2030-01-01T00:00:00Z\"}, \"later\": 1}");
    assertThat(StatusMemory.read(node).chaos().level()).isEqualTo(0.4);
  }
}
