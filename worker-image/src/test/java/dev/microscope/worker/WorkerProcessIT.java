package dev.microscope.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.testkit.Http;
import dev.microscope.testkit.ManagedProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar as a process: flags, help, logs, graceful shutdown. */
class WorkerProcessIT {
  @TempDir Path dir;

  private ManagedProcess run(String name, String... args) {
    List<String> command =
        new ArrayList<>(List.of(JarProcess.java(), "-jar", JarProcess.jar().toString()));
    command.addAll(List.of(args));
    return ManagedProcess.start(name, command, dir, Map.of());
  }

  private static int exitCode(ManagedProcess process) throws InterruptedException {
    assertThat(process.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    return process.process().exitValue();
  }

  @Test
  void badFlagsExitWith2NamingTheFlag() throws InterruptedException {
    ManagedProcess worker = run("bad-worker", "worker", "--queue", "-1");
    ManagedProcess loadgen = run("bad-loadgen", "loadgen", "--targets", "nohost");

    assertThat(exitCode(worker)).isEqualTo(2);
    assertThat(worker.logTail(5)).contains("--queue: must be an integer from 0");
    assertThat(exitCode(loadgen)).isEqualTo(2);
    assertThat(loadgen.logTail(5)).contains("--targets: expected host:port");
  }

  @Test
  void helpListsTheFlags() throws InterruptedException {
    ManagedProcess worker = run("help-worker", "worker", "--help");
    ManagedProcess loadgen = run("help-loadgen", "loadgen", "--help");

    assertThat(exitCode(worker)).isZero();
    assertThat(worker.logTail(40)).contains("--workers", "--chaos-file", "MICROSCOPE_WORKER_ID");
    assertThat(exitCode(loadgen)).isZero();
    assertThat(loadgen.logTail(40)).contains("--targets-dns", "--max-in-flight");
  }

  @Test
  void sigtermDrainsRequestsInFlightThenExits0() throws Exception {
    JarProcess worker =
        JarProcess.start(
            dir.resolve("w"),
            "worker",
            "worker",
            List.of("--time-scale", "0.5", "--drain-seconds", "10"),
            Map.of());
    try (worker) {
      CompletableFuture<HttpResponse<String>> slow =
          CompletableFuture.supplyAsync(() -> Http.get(worker.url("/api/slow")));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  Http.get(worker.url("/metrics"))
                      .body()
                      .contains(
                          "microscope_worker_inflight_requests{fleet=\"default\",worker=\"worker\"} 1\n"));

      worker.process().process().toHandle().destroy();

      assertThat(slow.get(30, TimeUnit.SECONDS).statusCode()).isIn(200, 500);
      assertThat(exitCode(worker.process())).isZero();
      List<String> log = Files.readAllLines(worker.process().logFile(), StandardCharsets.UTF_8);
      assertThat(log).anySatisfy(l -> assertThat(l).contains("\"msg\":\"shutting down\""));
      assertThat(log).last().asString().contains("\"msg\":\"stopped\"");
      assertThat(log).allSatisfy(l -> assertThat(l).startsWith("{\"ts\":\"").endsWith("}"));
    }
  }

  @Test
  void theFirstScrapeSucceedsSoonAfterStart() throws IOException {
    long start = System.nanoTime();
    JarProcess worker =
        JarProcess.startNoWait(dir.resolve("s"), "worker", "worker", List.of(), Map.of());
    try (worker) {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> isOk(worker.url("/metrics")));
      long millis = (System.nanoTime() - start) / 1_000_000;
      // Recorded for the benchmark; the bound here only catches a start-up that hangs.
      Files.writeString(dir.resolve("first-scrape-ms"), Long.toString(millis));
      assertThat(millis).isLessThan(20_000);
      assertThat(Http.get(worker.url("/metrics")).body())
          .contains("process_resident_memory_bytes{fleet=\"default\"}");
    }
  }

  private static boolean isOk(String url) {
    try {
      return Http.send(HttpRequest.newBuilder(URI.create(url)).GET()).statusCode() == 200;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
