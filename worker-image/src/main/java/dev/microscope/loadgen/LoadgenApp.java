package dev.microscope.loadgen;

import com.sun.net.httpserver.HttpServer;
import dev.microscope.chaos.Seeds;
import dev.microscope.worker.http.AdminGate;
import dev.microscope.worker.http.HttpServers;
import dev.microscope.worker.lifecycle.FileWatcher;
import dev.microscope.worker.logging.JsonLog;
import dev.microscope.worker.metrics.MetricsHandler;
import dev.microscope.worker.metrics.ProcessMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A running traffic generator: discovery, pacing, client-side metrics and its admin API. */
public final class LoadgenApp implements AutoCloseable {
  private static final JsonLog LOG = JsonLog.named("loadgen");

  private final LoadgenConfig config;
  private final PrometheusMeterRegistry registry;
  private final ProcessMetrics processMetrics;
  private final ClientMetrics metrics;
  private final TrafficControl traffic;
  private final TargetDirectory directory;
  private final TrafficLoop loop;
  private final HttpClient client;
  private final RequestSender sender;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("discovery").unstarted(r));
  private final HttpServer server;

  private LoadgenApp(LoadgenConfig config, InstantSource clock) {
    this.config = config;
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("fleet", config.fleet());
    this.processMetrics = new ProcessMetrics(registry);
    this.metrics = new ClientMetrics(config.fleet(), clock);
    this.traffic = new TrafficControl(config.trafficDefaults());
    if (!config.traffic().equals(config.trafficDefaults())) {
      traffic.set(config.traffic(), "traffic-file");
    }
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(Math.min(2000, config.timeout().toMillis())))
            .executor(Executors.newVirtualThreadPerTaskExecutor())
            .build();
    this.directory = new TargetDirectory(config.targets(), client, clock);
    this.sender =
        new RequestSender(
            client,
            config.timeout(),
            config.maxInFlight(),
            metrics,
            Seeds.random(config.seed(), "loadgen", "payload"));
    this.loop =
        new TrafficLoop(
            directory,
            traffic,
            sender,
            metrics,
            clock,
            Seeds.random(config.seed(), "loadgen", "mix"));
    this.server =
        HttpServers.start(
            config.bind(),
            config.port(),
            new LoadgenRouter(
                new MetricsHandler(registry, List.of(metrics)),
                new AdminGate(config.adminToken()),
                traffic));
    FileWatcher trafficWatcher = trafficWatcher();
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            directory.refresh();
            if (trafficWatcher != null) {
              trafficWatcher.poll();
            }
          } catch (RuntimeException e) {
            LOG.error("discovery failed", e);
          }
        },
        0,
        1,
        TimeUnit.SECONDS);
    loop.start();
  }

  public static LoadgenApp start(LoadgenConfig config, InstantSource clock) {
    LoadgenApp app = new LoadgenApp(config, clock);
    LOG.info(
        "listening",
        "port",
        app.port(),
        "fleet",
        config.fleet(),
        "seed",
        config.seed(),
        "rate",
        config.traffic().rate(),
        "adminApi",
        config.adminToken().isPresent() ? "enabled" : "disabled");
    return app;
  }

  private FileWatcher trafficWatcher() {
    if (config.trafficFile().isEmpty()) {
      return null;
    }
    try {
      return new FileWatcher(
          config.trafficFile().get(),
          Files.readAllBytes(config.trafficFile().get()),
          content ->
              traffic.set(TrafficSettingsJson.parse(content, traffic.defaults()), "traffic-file"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public ClientMetrics metrics() {
    return metrics;
  }

  public TargetDirectory directory() {
    return directory;
  }

  /** Stops sending, lets requests in flight finish within their timeout, then stops. */
  @Override
  public void close() {
    loop.close();
    scheduler.shutdownNow();
    if (!sender.awaitIdle(config.timeout())) {
      LOG.warn("stopping with requests still in flight");
    }
    server.stop(0);
    client.shutdownNow();
    processMetrics.close();
    registry.close();
  }
}
