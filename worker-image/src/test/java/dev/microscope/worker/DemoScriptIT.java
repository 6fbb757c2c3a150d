package dev.microscope.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microscope.testkit.ManagedProcess;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/microscope demo --once}: the README's first command, end to end. */
class DemoScriptIT {
  private static final Path SCRIPT =
      Path.of(System.getProperty("microscope.repo", ".."), "bin", "microscope")
          .toAbsolutePath()
          .normalize();

  @TempDir Path dir;

  private ManagedProcess run(String name, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of(SCRIPT.toString()));
    command.addAll(List.of(args));
    return ManagedProcess.start(
        name,
        command,
        dir,
        Map.of("JAVA_HOME", System.getProperty("java.home"), "TMPDIR", dir.toString()));
  }

  private static int exitCode(ManagedProcess process) throws InterruptedException {
    assertThat(process.process().waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
    return process.process().exitValue();
  }

  @Test
  void demoOncePrintsTheSummaryAndLeavesNothingRunning() throws InterruptedException {
    try (ManagedProcess demo = run("demo", "demo", "--once")) {
      assertThat(exitCode(demo)).as(demo.logTail(40)).isZero();
      String output = demo.logTail(40);

      assertThat(output)
          .contains("Worker metrics")
          .containsPattern("requests +2xx [1-9][0-9]* +4xx [0-9]+ +5xx [0-9]+")
          .containsPattern("p99 <= [0-9.+Inf]+ s")
          .containsPattern("queue +depth [0-9]+, in flight [0-9]+")
          .containsPattern("http://127\\.0\\.0\\.1:[0-9]+/metrics");
      Matcher pids = Pattern.compile("pids +worker ([0-9]+), loadgen ([0-9]+)").matcher(output);
      assertThat(pids.find()).isTrue();
      for (int group = 1; group <= 2; group++) {
        long pid = Long.parseLong(pids.group(group));
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
            .as("process %d stopped", pid)
            .isFalse();
      }
      assertThat(dir.toFile().list((d, n) -> n.startsWith("microscope-demo")))
          .as("work dir removed")
          .isEmpty();
    }
  }

  @Test
  void aMissingFleetFileAndAnUnknownCommandAreRefused() throws InterruptedException {
    try (ManagedProcess local = run("local", "local", "no-such-fleet.yaml");
        ManagedProcess bogus = run("bogus", "bogus")) {
      assertThat(exitCode(local)).isEqualTo(2);
      assertThat(local.logTail(5)).contains("no-such-fleet.yaml: no such file");
      assertThat(exitCode(bogus)).isEqualTo(2);
      assertThat(bogus.logTail(20)).contains("unknown command", "demo [--once]");
    }
  }
}
