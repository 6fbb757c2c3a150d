package dev.microscope.operator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microscope.operator.api.v1alpha1.Mode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetFileTest {
  @TempDir Path dir;

  @Test
  void readsTheQuickstartIntoNamespaceLocalWithDefaults() {
    var fleet = FleetFile.read(Scenario.repositoryRoot().resolve("examples/quickstart.yaml"));
    assertThat(fleet.getMetadata().getName()).isEqualTo("quickstart");
    assertThat(fleet.getMetadata().getNamespace()).isEqualTo("local");
    assertThat(fleet.getSpec().getWorkers().getReplicas().getInitial()).isEqualTo(2);
    assertThat(fleet.getSpec().getMode()).isEqualTo(Mode.ENFORCE);
    assertThat(fleet.getSpec().getPrometheus().getPollInterval()).isEqualTo("15s");
  }

  @Test
  void everyScenarioFleetIsValid() throws IOException {
    try (var files = Files.list(Scenario.repositoryRoot().resolve("e2e/local/fleets"))) {
      files.forEach(f -> assertThat(FleetFile.read(f).getMetadata().getName()).isNotBlank());
    }
  }

  @Test
  void anUnknownFieldIsNamed() throws IOException {
    var file = write("spec:\n  workers:\n    replicaz: 3\n");
    assertThatThrownBy(() -> FleetFile.read(file))
        .isInstanceOf(FleetFile.InvalidFleetException.class)
        .hasMessageContaining("spec.workers.replicaz: is not a field");
  }

  @Test
  void aValueOfTheWrongTypeIsNamed() throws IOException {
    var file = write("spec:\n  traffic:\n    rate: lots\n");
    assertThatThrownBy(() -> FleetFile.read(file)).hasMessageContaining("spec.traffic.rate");
  }

  @Test
  void everyViolationOfTheValidatorIsNamed() throws IOException {
    var file =
        write(
            "spec:\n  workers:\n    replicas: {min: 3, initial: 2, max: 1}\n"
                + "  prometheus:\n    pollInterval: soon\n");
    assertThatThrownBy(() -> FleetFile.read(file))
        .isInstanceOfSatisfying(
            FleetFile.InvalidFleetException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field())
                    .contains("spec.workers.replicas.min", "spec.prometheus.pollInterval"));
  }

  @Test
  void anotherKindAndAMissingFileAreRefused() throws IOException {
    var file =
        Files.writeString(
            dir.resolve("pod.yaml"), "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n");
    assertThatThrownBy(() -> FleetFile.read(file)).hasMessageContaining("kind: must be ChaosFleet");
    assertThatThrownBy(() -> FleetFile.read(dir.resolve("none.yaml")))
        .hasMessageContaining("no such file");
  }

  private Path write(String spec) throws IOException {
    return Files.writeString(
        dir.resolve("fleet.yaml"),
        "apiVersion: microscope.dev/v1alpha1\nkind: ChaosFleet\nmetadata:\n  name: f\n" + spec);
  }
}
