package dev.microscope.operator.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {
  @TempDir Path dir;

  @Test
  void theStatusOfTheSameFleetComesBack() throws IOException {
    var file = new StateFile(dir.resolve("state.json"));
    var status = new ChaosFleetStatus();
    status.setChaosLevel(0.3);
    status.setQuarantinedWorkers(List.of("w-1"));
    file.write("leak", status);
    var warnings = new ArrayList<String>();
    var back = file.read("leak", warnings::add).orElseThrow();
    assertThat(back.getChaosLevel()).isEqualTo(0.3);
    assertThat(back.getQuarantinedWorkers()).containsExactly("w-1");
    assertThat(warnings).isEmpty();
  }

  @Test
  void anotherFleetsOrABrokenFileStartsAfreshAndSaysWhy() throws IOException {
    var file = new StateFile(dir.resolve("state.json"));
    file.write("leak", new ChaosFleetStatus());
    var warnings = new ArrayList<String>();
    assertThat(file.read("burn", warnings::add)).isEmpty();
    Files.writeString(dir.resolve("state.json"), "{not json");
    assertThat(file.read("leak", warnings::add)).isEmpty();
    assertThat(new StateFile(dir.resolve("none.json")).read("leak", warnings::add)).isEmpty();
    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0)).contains("another fleet");
    assertThat(warnings.get(1)).contains("cannot be read");
  }
}
