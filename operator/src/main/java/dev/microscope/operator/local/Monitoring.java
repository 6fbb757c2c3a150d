package dev.microscope.operator.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The local Prometheus and Alertmanager: processes on loopback ports with their data in the run
 * directory. Prometheus can be stopped and started again on the same port and data (what a
 * Prometheus outage looks like to the control loop).
 */
final class Monitoring implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private static final Duration READY_WAIT = Duration.ofSeconds(60);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final RunDir dir;
  private final Path prometheusBin;
  private final int prometheusPort = Ports.free();
  private final int alertmanagerPort = Ports.free();
  private ChildProcess prometheus;
  private ChildProcess alertmanager;

  private Monitoring(RunDir dir, Path prometheusBin) {
    this.dir = dir;
    this.prometheusBin = prometheusBin;
  }

  /**
   * Starts Alertmanager with {@code alertmanagerYaml}, then Prometheus with the configuration
   * {@code prometheusYaml} renders for Alertmanager's address, and waits until both are ready.
   */
  static Monitoring start(
      RunDir dir,
      Path prometheusBin,
      Path alertmanagerBin,
      String alertmanagerYaml,
      java.util.function.Function<String, String> prometheusYaml)
      throws IOException {
    var monitoring = new Monitoring(dir, prometheusBin);
    try {
      var amConfig = dir.config("alertmanager.yml");
      RunDir.writeAtomically(amConfig, alertmanagerYaml);
      Files.createDirectories(dir.data("alertmanager"));
      monitoring.alertmanager =
          ChildProcess.start(
              "alertmanager",
              List.of(
                  alertmanagerBin.toString(),
                  "--config.file=" + amConfig,
                  "--storage.path=" + dir.data("alertmanager"),
                  "--web.listen-address=127.0.0.1:" + monitoring.alertmanagerPort,
                  "--cluster.listen-address=",
                  "--log.level=warn"),
              dir.processes());
      RunDir.writeAtomically(
          dir.config("prometheus.yml"), prometheusYaml.apply(monitoring.alertmanagerHostPort()));
      monitoring.startPrometheus();
      awaitReady(monitoring.alertmanager, monitoring.alertmanagerUrl() + "/-/ready");
    } catch (IOException | RuntimeException e) {
      monitoring.close();
      throw e;
    }
    return monitoring;
  }

  String prometheusUrl() {
    return "http://127.0.0.1:" + prometheusPort;
  }

  String alertmanagerUrl() {
    return "http://" + alertmanagerHostPort();
  }

  private String alertmanagerHostPort() {
    return "127.0.0.1:" + alertmanagerPort;
  }

  synchronized boolean prometheusRunning() {
    return prometheus != null && prometheus.isAlive();
  }

  synchronized long prometheusPid() {
    return prometheus == null ? -1 : prometheus.pid();
  }

  /** Starts Prometheus (again) on its port and data, and waits until it is ready. */
  synchronized void startPrometheus() throws IOException {
    if (prometheusRunning()) {
      return;
    }
    prometheus =
        ChildProcess.start(
            "prometheus",
            List.of(
                prometheusBin.toString(),
                "--config.file=" + dir.config("prometheus.yml"),
                "--storage.tsdb.path=" + dir.data("prometheus"),
                "--web.listen-address=127.0.0.1:" + prometheusPort,
                "--web.enable-lifecycle",
                // a first alert sent before Alertmanager is discovered is retried after 1s,
                // not after the 1m default
                "--rules.alert.resend-delay=1s",
                "--log.level=warn"),
            dir.processes());
    awaitReady(prometheus, prometheusUrl() + "/-/ready");
  }

  synchronized void stopPrometheus() {
    if (prometheus != null) {
      prometheus.stop(STOP_GRACE);
    }
  }

  private static void awaitReady(ChildProcess process, String url) {
    var deadline = Instant.now().plus(READY_WAIT);
    var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            process.name() + " exited at start:\n" + process.logTail(20));
      }
      try {
        if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting " + process.name(), e);
      }
      try {
        Thread.sleep(100); // polling a starting process
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting " + process.name(), e);
      }
    }
    throw new IllegalStateException(
        process.name() + " not ready within " + READY_WAIT.toSeconds() + "s: " + url);
  }

  @Override
  public synchronized void close() {
    if (prometheus != null) {
      prometheus.stop(STOP_GRACE);
    }
    if (alertmanager != null) {
      alertmanager.stop(STOP_GRACE);
    }
  }
}
