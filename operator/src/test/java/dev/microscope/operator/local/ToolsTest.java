package dev.microscope.operator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolsTest {
  @TempDir Path dir;

  @Test
  void aMissingProgramSaysHowToInstallItAndWhichFlagNamesIt() {
    assertThatThrownBy(
            () ->
                Tools.find(
                    null, "--alertmanager-bin", List.of("no-such-alertmanager", "nor-this-one")))
        .hasMessageContaining("no-such-alertmanager or nor-this-one not found on the PATH")
        .hasMessageContaining("scripts/install-test-deps")
        .hasMessageContaining("apt-get install prometheus prometheus-alertmanager")
        .hasMessageContaining("--alertmanager-bin");
  }

  @Test
  void aGivenPathMustBeAnExecutable() throws IOException {
    var file = Files.writeString(dir.resolve("prometheus"), "not a program");
    assertThatThrownBy(() -> Tools.find(file, "--prometheus-bin", List.of("prometheus")))
        .hasMessage("--prometheus-bin " + file + " is not an executable file");
    assertThat(file.toFile().setExecutable(true)).isTrue();
    assertThat(Tools.find(file, "--prometheus-bin", List.of("prometheus"))).isEqualTo(file);
  }

  @Test
  void theFirstNameOnThePathWins() {
    assertThat(Tools.find(null, "--prometheus-bin", List.of("no-such-program", "sh")).getFileName())
        .hasToString("sh");
  }
}
