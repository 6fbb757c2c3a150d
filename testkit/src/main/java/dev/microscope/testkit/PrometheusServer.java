package dev.microscope.testkit;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Prometheus on a free loopback port, with a configuration written by the test. Always used
 * in try-with-resources so the process is stopped when the test ends, pass or fail.
 */
public final class PrometheusServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ManagedProcess process;
  private final Path configFile;
  private final int port;

  private PrometheusServer(ManagedProcess process, Path configFile, int port) {
    this.process = process;
    this.configFile = configFile;
    this.port = port;
  }

  public static Builder builder(Path workDir) {
    return new Builder(workDir);
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public ManagedProcess process() {
    return process;
  }

  public Path configFile() {
    return configFile;
  }

  /** The {@code data} node of an instant query; fails on an API error. */
  public JsonNode queryData(String promql) {
    HttpResponse<String> response =
        Http.get(
            url() + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    try {
      JsonNode body = JSON.readTree(response.body());
      if (!"success".equals(body.path("status").asText())) {
        throw new IllegalStateException("query failed: " + promql + " -> " + response.body());
      }
      return body.path("data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An instant vector query as samples (empty list when there is no data). */
  public List<Sample> query(String promql) {
    JsonNode data = queryData(promql);
    List<Sample> samples = new ArrayList<>();
    if ("scalar".equals(data.path("resultType").asText())) {
      samples.add(new Sample(Map.of(), parse(data.path("result").get(1).asText())));
      return samples;
    }
    for (JsonNode item : data.path("result")) {
      Map<String, String> labels = new LinkedHashMap<>();
      item.path("metric").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
      samples.add(new Sample(labels, parse(item.path("value").get(1).asText())));
    }
    return samples;
  }

  /** The single value of a query that returns one sample, or NaN when it returns none. */
  public double value(String promql) {
    List<Sample> samples = query(promql);
    if (samples.size() > 1) {
      throw new IllegalStateException(promql + " returned " + samples.size() + " samples");
    }
    return samples.isEmpty() ? Double.NaN : samples.get(0).value();
  }

  /** Health of every active scrape target, keyed by scrape URL ("up" or "down" or "unknown"). */
  public Map<String, String> targetHealth() {
    try {
      JsonNode body = JSON.readTree(Http.get(url() + "/api/v1/targets?state=active").body());
      Map<String, String> health = new LinkedHashMap<>();
      for (JsonNode target : body.path("data").path("activeTargets")) {
        health.put(target.path("scrapeUrl").asText(), target.path("health").asText());
      }
      return health;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rewrites the configuration and asks Prometheus to reload it. */
  public void reload(String newConfig) {
    try {
      Files.writeString(configFile, newConfig);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    HttpResponse<String> response =
        Http.send(
            HttpRequest.newBuilder(URI.create(url() + "/-/reload"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("reload failed: " + response.body());
    }
  }

  private static double parse(String text) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  @Override
  public void close() {
    process.close();
  }

  /** Builds the configuration; {@link #start()} writes it and waits for readiness. */
  public static final class Builder {
    private final Path workDir;
    private Duration scrapeInterval = Duration.ofSeconds(1);
    private Duration evaluationInterval = Duration.ofSeconds(1);
    private final List<Path> ruleFiles = new ArrayList<>();
    private final List<String> alertmanagers = new ArrayList<>();
    private final StringBuilder scrapeConfigs = new StringBuilder();
    private final List<String> extraArgs = new ArrayList<>();

    private Builder(Path workDir) {
      this.workDir = workDir;
    }

    public Builder scrapeInterval(Duration interval) {
      this.scrapeInterval = interval;
      return this;
    }

    public Builder evaluationInterval(Duration interval) {
      this.evaluationInterval = interval;
      return this;
    }

    public Builder ruleFile(Path file) {
      ruleFiles.add(file.toAbsolutePath());
      return this;
    }

    public Builder alertmanager(String hostPort) {
      alertmanagers.add(hostPort);
      return this;
    }

    /** A job scraping fixed {@code host:port} targets, with optional extra target labels. */
    public Builder staticJob(String job, List<String> targets, Map<String, String> labels) {
      scrapeConfigs.append("  - job_name: ").append(quote(job)).append('\n');
      scrapeConfigs.append("    static_configs:\n      - targets: [");
      scrapeConfigs.append(String.join(", ", targets.stream().map(Builder::quote).toList()));
      scrapeConfigs.append("]\n");
      if (!labels.isEmpty()) {
        scrapeConfigs.append("        labels:\n");
        labels.forEach(
            (k, v) ->
                scrapeConfigs
                    .append("          ")
                    .append(k)
                    .append(": ")
                    .append(quote(v))
                    .append('\n'));
      }
      return this;
    }

    /** A job reading its targets from a file_sd file the test (or the code under test) writes. */
    public Builder fileSdJob(String job, Path file) {
      scrapeConfigs.append("  - job_name: ").append(quote(job)).append('\n');
      scrapeConfigs.append("    file_sd_configs:\n      - files: [");
      scrapeConfigs.append(quote(file.toAbsolutePath().toString())).append("]\n");
      scrapeConfigs.append("        refresh_interval: 1s\n");
      return this;
    }

    /** Raw YAML appended under {@code scrape_configs:}; each entry starts with " - ". */
    public Builder rawScrapeConfig(String yaml) {
      scrapeConfigs.append(yaml.endsWith("\n") ? yaml : yaml + "\n");
      return this;
    }

    public Builder arg(String flag) {
      extraArgs.add(flag);
      return this;
    }

    public String renderConfig() {
      StringBuilder config = new StringBuilder();
      config.append("global:\n");
      config.append("  scrape_interval: ").append(seconds(scrapeInterval)).append('\n');
      config.append("  scrape_timeout: ").append(seconds(scrapeInterval)).append('\n');
      config.append("  evaluation_interval: ").append(seconds(evaluationInterval)).append('\n');
      if (!ruleFiles.isEmpty()) {
        config.append("rule_files:\n");
        ruleFiles.forEach(f -> config.append("  - ").append(quote(f.toString())).append('\n'));
      }
      if (!alertmanagers.isEmpty()) {
        config.append("alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: [");
        config.append(String.join(", ", alertmanagers.stream().map(Builder::quote).toList()));
        config.append("]\n");
      }
      config.append("scrape_configs:\n");
      config.append(scrapeConfigs.isEmpty() ? "  []\n" : scrapeConfigs);
      return config.toString();
    }

    public PrometheusServer start() {
      Path binary = Binaries.require("prometheus");
      int port = FreePorts.next();
      Path config = workDir.resolve("prometheus.yml");
      try {
        Files.createDirectories(workDir);
        Files.writeString(config, renderConfig());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      List<String> command =
          new ArrayList<>(
              List.of(
                  binary.toString(),
                  "--config.file=" + config,
                  "--storage.tsdb.path=" + workDir.resolve("data"),
                  "--web.listen-address=127.0.0.1:" + port,
                  "--web.enable-lifecycle",
                  // A new alert is first sent before Alertmanager discovery has resolved and
                  // is dropped; without this, the retry comes only after the 1m default.
                  "--rules.alert.resend-delay=1s",
                  "--log.level=warn"));
      command.addAll(extraArgs);
      ManagedProcess process = ManagedProcess.start("prometheus", command, workDir, Map.of());
      PrometheusServer server = new PrometheusServer(process, config, port);
      try {
        await("prometheus ready on " + server.url())
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> !process.isAlive() || Http.isOk(server.url() + "/-/ready"));
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "prometheus exited at start:\n"
                  + process.logTail(30)
                  + "\nconfig:\n"
                  + renderConfig());
        }
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
      return server;
    }

    private static String seconds(Duration d) {
      return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static String quote(String s) {
      return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
  }
}
