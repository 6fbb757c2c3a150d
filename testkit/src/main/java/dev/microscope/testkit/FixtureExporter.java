package dev.microscope.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A Prometheus exporter on loopback whose series and values the test sets: for rule and signal
 * tests that need exact, known inputs scraped by a real Prometheus.
 *
 * <pre>{@code
 * exporter.set("microscope_worker_requests_total", Map.of("worker", "w-1", "code_class", "5xx"), 3);
 * }</pre>
 */
public final class FixtureExporter implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, Double> series = new ConcurrentHashMap<>();

  private FixtureExporter(HttpServer server) {
    this.server = server;
  }

  public static FixtureExporter start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      FixtureExporter exporter = new FixtureExporter(server);
      server.createContext(
          "/metrics", exchange -> exporter.serve(exchange.getResponseBody(), exchange));
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return exporter;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets (or replaces) one sample; {@code name} is the full series name, e.g. {@code x_total}. */
  public FixtureExporter set(String name, Map<String, String> labels, double value) {
    series.put(key(name, labels), value);
    return this;
  }

  /** Adds {@code delta} to a sample (starting from 0), like a counter increment. */
  public FixtureExporter add(String name, Map<String, String> labels, double delta) {
    series.merge(key(name, labels), delta, Double::sum);
    return this;
  }

  /** Stops exporting one sample (the series goes stale in Prometheus). */
  public FixtureExporter remove(String name, Map<String, String> labels) {
    series.remove(key(name, labels));
    return this;
  }

  public FixtureExporter clear() {
    series.clear();
    return this;
  }

  public String hostPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private static String key(String name, Map<String, String> labels) {
    if (labels.isEmpty()) {
      return name;
    }
    return name
        + new TreeMap<>(labels)
            .entrySet().stream()
                .map(e -> e.getKey() + "=\"" + escape(e.getValue()) + '"')
                .collect(Collectors.joining(",", "{", "}"));
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private void serve(OutputStream out, com.sun.net.httpserver.HttpExchange exchange)
      throws IOException {
    try (exchange) {
      StringBuilder text = new StringBuilder();
      new TreeMap<>(series)
          .forEach((k, v) -> text.append(k).append(' ').append(format(v)).append('\n'));
      byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
      exchange.sendResponseHeaders(200, body.length);
      out.write(body);
    }
  }

  private static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    return Double.toString(v);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
