package dev.microscope.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTargetsTest {
  @TempDir Path dir;

  @Test
  void readsPrometheusFileSdJson() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("sd.json"),
            """
            [{"targets": ["10.0.0.1:8080", "10.0.0.2:8080"], "labels": {"namespace": "local"}},
             {"targets": ["[::1]:9000"]}]
            """);

    assertThat(new FileTargets(file).hostPorts())
        .containsExactly("10.0.0.1:8080", "10.0.0.2:8080", "[::1]:9000");
  }

  @Test
  void readsOneHostPortALineWithComments() throws IOException {
    Path file =
        Files.writeString(dir.resolve("targets"), "# workers\nlocalhost:8080\n\n a:1  # first\n");

    assertThat(new FileTargets(file).hostPorts()).containsExactly("localhost:8080", "a:1");
  }

  @Test
  void followsEditsAndKeepsTheLastGoodListOnABadOne() throws IOException {
    Path file = Files.writeString(dir.resolve("targets"), "a:1\n");
    FileTargets targets = new FileTargets(file);
    assertThat(targets.hostPorts()).containsExactly("a:1");

    Files.writeString(file, "a:1\nb:2\n");
    assertThat(targets.hostPorts()).containsExactly("a:1", "b:2");

    Files.writeString(file, "b:not-a-port\n");
    assertThat(targets.hostPorts()).containsExactly("a:1", "b:2");

    Files.delete(file);
    assertThat(targets.hostPorts()).containsExactly("a:1", "b:2");
  }
}
