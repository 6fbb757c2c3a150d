package dev.microscope.worker;

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
 * A worker or traffic generator started from the shaded jar as its own process, the way users and
 * the operator run it, with small-footprint JVM flags.
 */
public final class JarProcess implements AutoCloseable {
  /** JVM flags for a small process; the heap leaves room for the memory leak tests. */
  public static final List<String> JVM_FLAGS =
      List.of(
          "-XX:+UseSerialGC",
          "-Xms16m",
          "-Xmx256m",
          "-Xss256k",
          "-XX:TieredStopAtLevel=1",
          "-XX:CICompilerCount=1",
          "-XX:ReservedCodeCacheSize=16m");

  private final ManagedProcess process;
  private final int port;

  private JarProcess(ManagedProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  public static Path jar() {
    Path jar = Path.of(System.getProperty("microscope.jar", "target/microscope-worker.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no shaded jar at " + jar + "; run the package phase first");
    }
    return jar;
  }

  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Starts {@code command} ({@code worker} or {@code loadgen}) and waits for its /health. */
  public static JarProcess start(
      Path workDir, String name, String command, List<String> flags, Map<String, String> env) {
    JarProcess started = startNoWait(workDir, name, command, flags, env);
    started.awaitHealthy();
    return started;
  }

  public static JarProcess startNoWait(
      Path workDir, String name, String command, List<String> flags, Map<String, String> env) {
    int port = FreePorts.next();
    List<String> args = new ArrayList<>();
    args.add(java());
    args.addAll(JVM_FLAGS);
    args.addAll(
        List.of(
            "-jar",
            jar().toString(),
            command,
            "--bind",
            "127.0.0.1",
            "--port",
            Integer.toString(port)));
    args.addAll(flags);
    return new JarProcess(ManagedProcess.start(name, args, workDir, env), port);
  }

  private void awaitHealthy() {
    try {
      await(process.name() + " healthy")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> !process.isAlive() || Http.isOk(url("/health")));
      if (!process.isAlive()) {
        throw new IllegalStateException(
            process.name() + " exited at start:\n" + process.logTail(30));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  public ManagedProcess process() {
    return process;
  }

  public String hostPort() {
    return "127.0.0.1:" + port;
  }

  public String url(String path) {
    return "http://" + hostPort() + path;
  }

  @Override
  public void close() {
    process.close();
  }
}
