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
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * A Prometheus exporter on loopback (any path) whose series and values the test sets: for rule and
 * signal tests that need exact, known inputs scraped by a real Prometheus.
 *
 * <pre>{@code
 * exporter.set("microscope_worker_requests_total", Map.of("worker", "w-1", "code_class", "5xx"), 3);
 * exporter.counter("microscope_worker_requests_total", Map.of("code_class", "2xx"), 8); // 8/s
 * }</pre>
 */
public final class FixtureExporter implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, Double> series = new ConcurrentHashMap<>();
  private final Map<String, Double> ratesPerSecond = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;
  private final long startNanos;

  private FixtureExporter(HttpServer server, LongSupplier nanoTime) {
    this.server = server;
    this.nanoTime = nanoTime;
    this.startNanos = nanoTime.getAsLong();
  }

  public static FixtureExporter start() {
    return start(System::nanoTime);
  }

  /** Starts on a free loopback port; {@code nanoTime} drives the rate-based counters. */
  public static FixtureExporter start(LongSupplier nanoTime) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      FixtureExporter exporter = new FixtureExporter(server, nanoTime);
      server.createContext("/", exchange -> exporter.serve(exchange.getResponseBody(), exchange));
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

  /**
   * A counter that grows at {@code perSecond} from the exporter's start: a steady rate whose {@code
   * rate()} the test knows exactly.
   */
  public FixtureExporter counter(String name, Map<String, String> labels, double perSecond) {
    ratesPerSecond.put(key(name, labels), perSecond);
    return this;
  }

  /** Stops exporting one sample (the series goes stale in Prometheus). */
  public FixtureExporter remove(String name, Map<String, String> labels) {
    series.remove(key(name, labels));
    ratesPerSecond.remove(key(name, labels));
    return this;
  }

  public FixtureExporter clear() {
    series.clear();
    ratesPerSecond.clear();
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
      double seconds = (nanoTime.getAsLong() - startNanos) / 1e9;
      Map<String, Double> samples = new TreeMap<>(series);
      ratesPerSecond.forEach((k, perSecond) -> samples.put(k, perSecond * seconds));
      StringBuilder text = new StringBuilder();
      samples.forEach((k, v) -> text.append(k).append(' ').append(format(v)).append('\n'));
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
