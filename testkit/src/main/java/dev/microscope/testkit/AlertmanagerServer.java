package dev.microscope.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A real Alertmanager on a free loopback port, clustering off, with the test's configuration. */
public final class AlertmanagerServer implements AutoCloseable {
  private final ManagedProcess process;
  private final int port;

  private AlertmanagerServer(ManagedProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts Alertmanager with {@code configYaml} written into {@code workDir}. */
  public static AlertmanagerServer start(Path workDir, String configYaml) {
    Path binary = Binaries.require("prometheus-alertmanager");
    int port = FreePorts.next();
    Path config = workDir.resolve("alertmanager.yml");
    try {
      Files.createDirectories(workDir);
      Files.writeString(config, configYaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command =
        List.of(
            binary.toString(),
            "--config.file=" + config,
            "--storage.path=" + workDir.resolve("am-data"),
            "--web.listen-address=127.0.0.1:" + port,
            "--cluster.listen-address=",
            "--log.level=warn");
    ManagedProcess process = ManagedProcess.start("alertmanager", command, workDir, Map.of());
    AlertmanagerServer server = new AlertmanagerServer(process, port);
    try {
      await("alertmanager ready on " + server.url())
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> !process.isAlive() || Http.isOk(server.url() + "/-/ready"));
      if (!process.isAlive()) {
        throw new IllegalStateException("alertmanager exited at start:\n" + process.logTail(30));
      }
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public String hostPort() {
    return "127.0.0.1:" + port;
  }

  public ManagedProcess process() {
    return process;
  }

  @Override
  public void close() {
    process.close();
  }
}
