package dev.microscope.operator.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code microscope local <fleet.yaml>}: the whole control loop on this machine. */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a ChaosFleet on this machine: workers and a traffic generator as processes on"
          + " 127.0.0.1, Prometheus and Alertmanager with the project's rules, and the control"
          + " loop acting on them. Ctrl-C stops everything."
    })
public final class LocalCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FLEET", description = "the ChaosFleet YAML file")
  Path fleetFile;

  @Option(
      names = "--run-dir",
      paramLabel = "DIR",
      description =
          "where the run keeps its logs, data and the fleet's status (default:"
              + " ~/.microscope/local/<fleet>); a second run in the same directory resumes the"
              + " status")
  Path runDir;

  @Option(names = "--prometheus-bin", paramLabel = "PATH", description = "the prometheus binary")
  Path prometheusBin;

  @Option(
      names = "--alertmanager-bin",
      paramLabel = "PATH",
      description = "the Alertmanager binary (default: prometheus-alertmanager or alertmanager)")
  Path alertmanagerBin;

  @Option(
      names = "--worker-jar",
      paramLabel = "JAR",
      defaultValue = "worker-image/target/microscope-worker.jar",
      description = "the worker jar (default: ${DEFAULT-VALUE})")
  Path workerJar;

  @Option(
      names = "--rules-dir",
      paramLabel = "DIR",
      defaultValue = "prometheus-rules",
      description = "the prometheus-rules directory (default: ${DEFAULT-VALUE})")
  Path rulesDir;

  @Option(
      names = "--scrape-interval",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description = "Prometheus' scrape and rule evaluation interval (default: ${DEFAULT-VALUE})")
  int scrapeSeconds;

  @Option(
      names = "--alert-for-scale",
      paramLabel = "FACTOR",
      defaultValue = "1",
      description =
          "multiplies every alert's 'for:' (e.g. 0.1 with time-scaled fleets; default:"
              + " ${DEFAULT-VALUE})")
  double alertForScale;

  @Option(names = "--dry-run", description = "decide and record, apply nothing (mode DryRun)")
  boolean dryRun;

  @Option(
      names = "--alert-webhook",
      paramLabel = "URL",
      description = "also send every alert to this webhook")
  String alertWebhook;

  @Option(
      names = "--http-port",
      paramLabel = "PORT",
      defaultValue = "0",
      description = "port of the control loop's metrics and webhook (default: a free one)")
  int httpPort;

  @Option(
      names = "--view",
      paramLabel = "live|plain",
      defaultValue = "plain",
      description =
          "live: redraw a status screen in place (a terminal); plain: one line per change")
  String view;

  @Option(
      names = "--once-healthy",
      description =
          "stop as soon as every worker is ready and a cycle has read Prometheus (scripted use);"
              + " exit code 0 then, 1 when that does not happen within --timeout")
  boolean onceHealthy;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "180",
      description = "with --once-healthy: how long to wait (default: ${DEFAULT-VALUE})")
  int timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    boolean live = "live".equals(view);
    var out = System.out;
    if (live) {
      // logs go to the run directory's file, the terminal shows the view
      redirectLogs();
    }
    LocalRuntime runtime;
    try {
      runtime = LocalRuntime.start(options());
    } catch (FleetFile.InvalidFleetException e) {
      System.err.println("microscope local: " + e.getMessage());
      return 2;
    } catch (IllegalStateException e) {
      System.err.println("microscope local: " + e.getMessage());
      return 1;
    }
    var done = new CountDownLatch(1);
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  done.countDown();
                  runtime.close();
                  try {
                    stopped.await(
                        java.util.concurrent.TimeUnit.SECONDS.toMillis(40),
                        java.util.concurrent.TimeUnit.MILLISECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "microscope-local-stop"));
    var statusView = new StatusView(out, live);
    out.println("Prometheus:   " + runtime.prometheusUrl());
    out.println("Alertmanager: " + runtime.alertmanagerUrl());
    out.println("Run dir:      " + runtime.runDir());
    runtime.onTurn(statusView::show);
    if (onceHealthy) {
      runtime.onTurn(
          r -> {
            if (healthy(r)) {
              done.countDown();
            }
          });
      boolean healthy = done.await(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS);
      out.println(StatusView.line(runtime));
      runtime.close();
      stopped.countDown();
      return healthy ? 0 : 1;
    }
    done.await();
    stopped.countDown();
    return 0;
  }

  /** Every desired worker ready, and the latest cycle read Prometheus. */
  static boolean healthy(LocalRuntime runtime) {
    var report = runtime.lastReport();
    var status = runtime.status();
    if (report == null || report.signals().pollFailed() || status == null) {
      return false;
    }
    var workers = status.getWorkers();
    return workers != null
        && workers.getDesired() != null
        && workers.getReady() != null
        && workers.getReady() >= workers.getDesired()
        && !runtime.trafficGenerators().isEmpty();
  }

  private LocalOptions options() {
    return new LocalOptions(
        fleetFile,
        runDir(),
        prometheusBin,
        alertmanagerBin,
        workerJar,
        rulesDir,
        Duration.ofSeconds(Math.max(1, scrapeSeconds)),
        alertForScale,
        dryRun,
        alertWebhook,
        httpPort);
  }

  private Path runDir() {
    if (runDir != null) {
      return runDir;
    }
    var name = fleetFile.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    return Path.of(System.getProperty("user.home"), ".microscope", "local", name);
  }

  private void redirectLogs() throws IOException {
    var dir =
        runDir != null ? runDir : Path.of(System.getProperty("user.home"), ".microscope", "local");
    Files.createDirectories(dir);
    System.setErr(
        new PrintStream(
            Files.newOutputStream(
                dir.resolve("microscope.log"),
                java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND),
            true,
            java.nio.charset.StandardCharsets.UTF_8));
  }
}
