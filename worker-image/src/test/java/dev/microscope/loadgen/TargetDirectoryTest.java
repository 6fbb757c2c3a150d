package dev.microscope.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microscope.testkit.FreePorts;
import dev.microscope.worker.RunningWorker;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetDirectoryTest {
  @TempDir Path dir;
  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void learnsEachTargetsWorkersAndDropsTargetsThatLeaveDiscovery() throws IOException {
    try (RunningWorker a = RunningWorker.start("--workers", "3", "--id", "a");
        RunningWorker b = RunningWorker.start("--id", "b")) {
      Path file =
          Files.writeString(dir.resolve("targets"), a.hostPort() + "\n" + b.hostPort() + "\n");
      TargetDirectory directory =
          new TargetDirectory(List.of(new FileTargets(file)), client, InstantSource.system());

      directory.refresh();
      assertThat(directory.workers())
          .extracting(TargetWorker::workerId)
          .containsExactly("a-0", "a-1", "a-2", "b");
      assertThat(directory.workers().get(3).uri(dev.microscope.worker.Endpoint.SLOW))
          .hasToString("http://" + b.hostPort() + "/w/b/api/slow");

      Files.writeString(file, b.hostPort() + "\n");
      directory.refresh();
      assertThat(directory.workers()).extracting(TargetWorker::workerId).containsExactly("b");
    }
  }

  @Test
  void aTargetThatStopsAnsweringKeepsItsWorkers() {
    RunningWorker worker = RunningWorker.start("--workers", "2", "--id", "w");
    TargetDirectory directory =
        new TargetDirectory(
            List.of(new StaticTargets(List.of(worker.hostPort()))), client, InstantSource.system());
    directory.refresh();
    assertThat(directory.workers()).hasSize(2);

    worker.close();
    directory.refresh();

    assertThat(directory.workers())
        .extracting(TargetWorker::workerId)
        .containsExactly("w-0", "w-1");
  }

  @Test
  void aTargetThatNeverAnsweredHasNoWorkersYet() {
    TargetDirectory directory =
        new TargetDirectory(
            List.of(new StaticTargets(List.of("127.0.0.1:" + FreePorts.next()))),
            client,
            InstantSource.system());

    directory.refresh();

    assertThat(directory.workers()).isEmpty();
  }
}
