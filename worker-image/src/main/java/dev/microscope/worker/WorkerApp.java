package dev.microscope.worker;

import com.sun.net.httpserver.HttpServer;
import dev.microscope.chaos.ChaosAdmin;
import dev.microscope.chaos.ChaosSpec;
import dev.microscope.chaos.ChaosSpecJson;
import dev.microscope.worker.http.AdminGate;
import dev.microscope.worker.http.HttpServers;
import dev.microscope.worker.lifecycle.FileWatcher;
import dev.microscope.worker.logging.JsonLog;
import dev.microscope.worker.metrics.CpuLimit;
import dev.microscope.worker.metrics.MetricsHandler;
import dev.microscope.worker.metrics.ProcessMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntConsumer;

/** A running worker process: its virtual workers, HTTP server, metrics and chaos ticker. */
public final class WorkerApp implements AutoCloseable {
  private static final JsonLog LOG = JsonLog.named("worker");

  private final WorkerConfig config;
  private final VirtualWorkers workers;
  private final PrometheusMeterRegistry registry;
  private final Optional<ProcessMetrics> processMetrics;
  private final ChaosTicker ticker;
  private final HttpServer server;
  private volatile Optional<ChaosSpec> initialChaos;

  private WorkerApp(WorkerConfig config, InstantSource clock, IntConsumer halt) {
    this.config = config;
    this.initialChaos = config.initialChaos();
    List<VirtualWorker> list = new ArrayList<>();
    for (String id : config.workerIds()) {
      list.add(
          new VirtualWorker(
              id,
              config.fleet(),
              config.profiles(),
              new Admission(config.concurrency(), config.queue()),
              clock,
              config.seed(),
              () -> initialChaos));
    }
    this.workers = new VirtualWorkers(list);
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("fleet", config.fleet());
    this.processMetrics =
        config.metrics() ? Optional.of(new ProcessMetrics(registry)) : Optional.empty();
    Gauge.builder("microscope.worker.virtual.workers", workers, VirtualWorkers::size)
        .description("Virtual workers in this process")
        .register(registry);
    config
        .memoryLimit()
        .ifPresent(
            limit ->
                Gauge.builder("microscope.worker.memory.limit", () -> limit)
                    .baseUnit("bytes")
                    .description("Memory limit of the process (flag or cgroup)")
                    .register(registry));
    double cores = CpuLimit.ofThisProcess().cores();
    Gauge.builder("microscope.worker.cpu.limit", () -> cores)
        .baseUnit("cores")
        .description("CPU the process may use: its cgroup's quota, else the processors it sees")
        .register(registry);
    this.ticker = new ChaosTicker(workers, config.crashMode(), halt, watchers());
    Optional<MetricsHandler> metrics =
        config.metrics()
            ? Optional.of(new MetricsHandler(registry, List.of(new WorkerMetricsExporter(workers))))
            : Optional.empty();
    ChaosAdmin admin = new ChaosAdmin(workers, new AdminGate(config.adminToken()));
    this.server =
        HttpServers.start(config.bind(), config.port(), new WorkerRouter(workers, metrics, admin));
    ticker.start();
  }

  /** Starts everything; {@code halt} ends the process on a crash fault in exit mode. */
  public static WorkerApp start(WorkerConfig config, InstantSource clock, IntConsumer halt) {
    WorkerApp app = new WorkerApp(config, clock, halt);
    LOG.info(
        "listening",
        "port",
        app.port(),
        "fleet",
        config.fleet(),
        "workers",
        config.workers(),
        "seed",
        config.seed(),
        "crashMode",
        config.crashMode().name().toLowerCase(Locale.ROOT),
        "adminApi",
        config.adminToken().isPresent() ? "enabled" : "disabled",
        "metrics",
        config.metrics() ? "on" : "off");
    return app;
  }

  private List<FileWatcher> watchers() {
    if (config.chaosFile().isEmpty()) {
      return List.of();
    }
    byte[] current;
    try {
      current = Files.readAllBytes(config.chaosFile().get());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.of(
        new FileWatcher(
            config.chaosFile().get(),
            current,
            content -> {
              ChaosSpec spec = ChaosSpecJson.parse(content);
              initialChaos = Optional.of(spec);
              workers.all().forEach(w -> w.chaos().apply(spec));
              LOG.info("chaos file re-applied", "file", config.chaosFile().get());
            }));
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public VirtualWorkers workers() {
    return workers;
  }

  /** Stops accepting, lets running requests finish within the drain deadline, then stops. */
  @Override
  public void close() {
    server.stop(config.drainSeconds());
    ticker.close();
    workers.all().forEach(w -> w.chaos().clear());
    processMetrics.ifPresent(ProcessMetrics::close);
    registry.close();
  }
}
