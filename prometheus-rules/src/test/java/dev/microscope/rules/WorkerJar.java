package dev.microscope.rules;

import static org.awaitility.Awaitility.await;

import dev.microscope.testkit.FreePorts;
import dev.microscope.testkit.Http;
import dev.microscope.testkit.ManagedProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A worker or traffic generator run from the worker image's shaded jar on a free loopback port, the
 * way users run it. The jar is the one {@code worker-image} packages (system property {@code
 * microscope.workerJar}, set by this module's build).
 */
final class WorkerJar implements AutoCloseable {
  private static final List<String> SMALL_JVM =
      List.of(
          "-XX:+UseSerialGC",
          "-Xms16m",
          "-Xmx128m",
          "-Xss256k",
          "-XX:TieredStopAtLevel=1",
          "-XX:CICompilerCount=1");

  private final ManagedProcess process;
  private final int port;

  private WorkerJar(ManagedProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts {@code command} ({@code worker} or {@code loadgen}) and waits for its /health. */
  static WorkerJar start(
      Path workDir, String name, String command, List<String> flags, Map<String, String> env) {
    int port = FreePorts.next();
    List<String> args = new ArrayList<>();
    args.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    args.addAll(SMALL_JVM);
    args.addAll(List.of("-jar", jar().toString(), command, "--bind", "127.0.0.1"));
    args.addAll(List.of("--port", Integer.toString(port)));
    args.addAll(flags);
    WorkerJar started = new WorkerJar(ManagedProcess.start(name, args, workDir, env), port);
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

  private static Path jar() {
    Path jar =
        Path.of(
            System.getProperty(
                "microscope.workerJar", "../worker-image/target/microscope-worker.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "no worker jar at "
              + jar.toAbsolutePath()
              + "; build it with ./mvnw -B -ntp -q package -DskipTests -pl worker-image -am");
    }
    return jar;
  }

  String hostPort() {
    return "127.0.0.1:" + port;
  }

  String url(String path) {
    return "http://" + hostPort() + path;
  }

  String logTail() {
    return process.logTail(40);
  }

  @Override
  public void close() {
    process.close();
  }
}
