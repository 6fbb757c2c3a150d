package dev.microscope.rules;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * A loopback exporter serving contract-named series with values the test controls: gauges as set,
 * counters growing at a set rate from the exporter's start. One path per scrape job.
 */
final class FixtureExporter implements AutoCloseable {
  private record Series(String name, Map<String, String> labels, double value, boolean counter) {}

  private final HttpServer server;
  private final LongSupplier nanoTime;
  private final long startNanos;
  private final Map<String, List<Series>> seriesByPath = new ConcurrentHashMap<>();

  private FixtureExporter(HttpServer server, LongSupplier nanoTime) {
    this.server = server;
    this.nanoTime = nanoTime;
    this.startNanos = nanoTime.getAsLong();
  }

  /** Starts on a free loopback port; {@code nanoTime} drives the counters. */
  static FixtureExporter start(LongSupplier nanoTime) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      FixtureExporter exporter = new FixtureExporter(server, nanoTime);
      server.createContext(
          "/",
          exchange -> {
            try (exchange) {
              byte[] body =
                  exporter
                      .render(exchange.getRequestURI().getPath())
                      .getBytes(StandardCharsets.UTF_8);
              exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
              exchange.sendResponseHeaders(200, body.length);
              exchange.getResponseBody().write(body);
            }
          });
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return exporter;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  FixtureExporter gauge(String path, String name, Map<String, String> labels, double value) {
    series(path).add(new Series(name, labels, value, false));
    return this;
  }

  /** A counter at {@code perSecond} times the seconds since the exporter started. */
  FixtureExporter counter(String path, String name, Map<String, String> labels, double perSecond) {
    series(path).add(new Series(name, labels, perSecond, true));
    return this;
  }

  String hostPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  String render(String path) {
    double seconds = (nanoTime.getAsLong() - startNanos) / 1e9;
    StringBuilder text = new StringBuilder();
    for (Series s : seriesByPath.getOrDefault(path, List.of())) {
      String labels =
          s.labels().entrySet().stream()
              .map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
              .collect(Collectors.joining(","));
      double value = s.counter() ? s.value() * seconds : s.value();
      text.append(s.name()).append('{').append(labels).append("} ").append(value).append('\n');
    }
    return text.toString();
  }

  private List<Series> series(String path) {
    return seriesByPath.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
