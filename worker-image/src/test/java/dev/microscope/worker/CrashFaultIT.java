package dev.microscope.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.testkit.Http;
import dev.microscope.testkit.PrometheusServer;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crash fault ends a single-worker process abruptly with exit code 70; Prometheus sees it go. */
class CrashFaultIT {
  @TempDir Path dir;

  @Test
  void aCrashFaultMakesTheProcessExitWith70() throws InterruptedException {
    try (JarProcess worker =
            JarProcess.start(
                dir.resolve("worker"),
                "worker",
                "worker",
                List.of("--id", "solo"),
                Map.of("MICROSCOPE_ADMIN_TOKEN", "crash-token"));
        PrometheusServer prometheus =
            PrometheusServer.builder(dir.resolve("prometheus"))
                .staticJob("worker", List.of(worker.hostPort()), Map.of())
                .start()) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> prometheus.value("up{job=\"worker\"}") == 1);

      // A certain crash fires on the worker's next chaos tick (every 200 ms), which may come
      // before this response is written: a closed connection is as good an answer as 200 here,
      // the exit code below is what proves the fault was taken.
      try {
        int status =
            Http.send(
                    HttpRequest.newBuilder(URI.create(worker.url("/admin/chaos")))
                        .header("Authorization", "Bearer crash-token")
                        .PUT(
                            HttpRequest.BodyPublishers.ofString(
                                "{\"crash\": {\"probabilityPerMinute\": 1}}")))
                .statusCode();
        assertThat(status).isEqualTo(200);
      } catch (UncheckedIOException closedMidAnswer) {
        // the process went down while answering; how it went is checked next
      }

      Process process = worker.process().process();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(CrashMode.EXIT_CODE);
      assertThat(worker.process().logTail(5)).contains("crash fault: exiting");
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> prometheus.value("up{job=\"worker\"}") == 0);
    }
  }
}
