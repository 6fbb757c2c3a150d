package dev.microscope.operator.kube;

import static org.awaitility.Awaitility.await;

import dev.microscope.testkit.FreePorts;
import dev.microscope.testkit.Http;
import dev.microscope.testkit.ManagedProcess;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A worker or traffic generator of the shaded worker jar, run as its own process on loopback, the
 * way a worker pod runs it. Always closed by the test that started it.
 */
final class WorkerJar implements AutoCloseable {
  private final String name;
  private final ManagedProcess process;
  private final int port;

  private WorkerJar(String name, ManagedProcess process, int port) {
    this.name = name;
    this.process = process;
    this.port = port;
  }

  static Path jar() {
    var jar =
        Path.of(
            System.getProperty(
                "microscope.workerJar", "../worker-image/target/microscope-worker.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "no worker jar at " + jar.toAbsolutePath() + ": build worker-image first");
    }
    return jar;
  }

  /**
   * Starts {@code command} ({@code worker} or {@code loadgen}) with a heap of {@code heapMb} and
   * waits until it answers /health.
   */
  static WorkerJar start(Path dir, String name, String command, int heapMb, List<String> flags) {
    int port = FreePorts.next();
    var args = new ArrayList<String>();
    args.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    args.addAll(
        List.of(
            "-XX:+UseSerialGC",
            "-Xms16m",
            "-Xmx" + heapMb + "m",
            "-Xss256k",
            "-XX:TieredStopAtLevel=1",
            "-XX:CICompilerCount=1",
            "-XX:ReservedCodeCacheSize=16m",
            "-jar",
            jar().toString(),
            command,
            "--bind",
            "127.0.0.1",
            "--port",
            Integer.toString(port)));
    args.addAll(flags);
    var started = new WorkerJar(name, ManagedProcess.start(name, args, dir, Map.of()), port);
    try {
      await(name + " healthy")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> !started.process.isAlive() || Http.isOk(started.url("/health")));
      if (!started.process.isAlive()) {
        throw new IllegalStateException(name + " exited at start:\n" + started.process.logTail(30));
      }
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
    return started;
  }

  /**
   * Waits until the process' resident memory stops climbing (less than 1 MiB over 3 s): a JVM that
   * just started grows for a while, which a memory trend would read as a leak.
   */
  WorkerJar awaitSteadyMemory() {
    var samples = new java.util.ArrayDeque<Double>();
    await(name + " memory steady")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              samples.addLast(residentBytes());
              if (samples.size() > 4) {
                samples.removeFirst();
              }
              return samples.size() == 4 && samples.getLast() - samples.getFirst() < 1024 * 1024;
            });
    return this;
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  String hostPort() {
    return "127.0.0.1:" + port;
  }

  URI base() {
    return URI.create("http://" + hostPort());
  }

  String url(String path) {
    return "http://" + hostPort() + path;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The process' resident memory as it reports it; NaN when it does not answer. */
  double residentBytes() {
    try {
      var body = Http.get(url("/metrics")).body();
      for (var line : body.split("\n")) {
        if (line.startsWith("process_resident_memory_bytes")) {
          return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    } catch (RuntimeException e) {
      // a process on its way out
    }
    return Double.NaN;
  }

  @Override
  public void close() {
    process.close();
  }
}
