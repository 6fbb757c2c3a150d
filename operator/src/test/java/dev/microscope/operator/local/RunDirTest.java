package dev.microscope.operator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirTest {
  @TempDir Path dir;

  @Test
  void secretsAreReadableByTheOwnerOnlyAndFreshEachTime() throws IOException {
    try (var run = RunDir.open(dir, new ArrayList<>())) {
      var first = Files.readString(run.secret("admin-token"));
      var file = run.secret("admin-token");
      assertThat(Files.getPosixFilePermissions(file))
          .containsExactlyInAnyOrder(
              PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      assertThat(Files.readString(file)).hasSize(49).isNotEqualTo(first);
    }
  }

  @Test
  void oneRunAtATimePerDirectory() throws IOException {
    try (var run = RunDir.open(dir, new ArrayList<>())) {
      assertThat(run.root()).isEqualTo(dir.toAbsolutePath());
      assertThatThrownBy(() -> RunDir.open(dir, new ArrayList<>()))
          .hasMessageContaining("another microscope local run uses");
    }
    RunDir.open(dir, new ArrayList<>()).close();
  }

  @Test
  void aSecondRunStopsWhatADeadRunLeftAndKeepsOnlyTheStatus() throws Exception {
    var processes = Files.createDirectories(dir.resolve("processes"));
    // a process of a dead run: its command line names the run directory
    var log = Files.writeString(processes.resolve("worker-0.log"), "");
    var orphan = new ProcessBuilder("tail", "-f", log.toAbsolutePath().toString()).start();
    var stranger = new ProcessBuilder("sleep", "300").start();
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> orphan.info().commandLine().map(c -> c.contains(dir.toString())).orElse(false));
      Files.writeString(processes.resolve("worker-0.pid"), Long.toString(orphan.pid()));
      Files.writeString(processes.resolve("other.pid"), Long.toString(stranger.pid()));
      Files.writeString(processes.resolve("dead.pid"), "999999999");
      Files.writeString(dir.resolve("state.json"), "{}");
      Files.writeString(dir.resolve("targets.json"), "[]");
      Files.createDirectories(dir.resolve("data/prometheus"));

      List<String> cleaned = new ArrayList<>();
      try (var run = RunDir.open(dir, cleaned)) {
        assertThat(orphan.isAlive()).isFalse();
        assertThat(stranger.isAlive()).as("a reused pid of another program is left alone").isTrue();
        assertThat(cleaned).singleElement().asString().contains(Long.toString(orphan.pid()));
        assertThat(run.processes()).doesNotExist();
        assertThat(run.prometheusTargets()).doesNotExist();
        assertThat(dir.resolve("data")).doesNotExist();
        assertThat(run.state()).exists();
      }
    } finally {
      orphan.destroyForcibly();
      stranger.destroyForcibly();
    }
  }

  @Test
  void filesAreReplacedWhole() throws IOException {
    var file = dir.resolve("a/targets.json");
    RunDir.writeAtomically(file, "[1]");
    RunDir.writeAtomically(file, "[2]");
    assertThat(Files.readString(file)).isEqualTo("[2]");
    try (var files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString())).isEqualTo(List.of("targets.json"));
    }
  }
}
