package dev.microscope.operator.observability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code /metrics}, {@code /healthz} (liveness) and {@code /readyz} (readiness) over HTTP, plus the
 * routes given (the Alertmanager webhook).
 */
public final class HealthServer implements AutoCloseable {
  private final HttpServer server;

  private HealthServer(HttpServer server) {
    this.server = server;
  }

  public static HealthServer start(
      InetSocketAddress address,
      Supplier<String> metrics,
      BooleanSupplier live,
      BooleanSupplier ready)
      throws IOException {
    return start(address, metrics, live, ready, Map.of());
  }

  /**
   * @param routes more handlers by path, e.g. {@code /alertmanager}
   */
  public static HealthServer start(
      InetSocketAddress address,
      Supplier<String> metrics,
      BooleanSupplier live,
      BooleanSupplier ready,
      Map<String, HttpHandler> routes)
      throws IOException {
    var server = HttpServer.create(address, 0);
    routes.forEach(server::createContext);
    server.createContext(
        "/metrics",
        ex -> reply(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
    server.createContext("/healthz", ex -> probe(ex, live));
    server.createContext("/readyz", ex -> probe(ex, ready));
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return new HealthServer(server);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void probe(HttpExchange exchange, BooleanSupplier check) throws IOException {
    boolean ok = check.getAsBoolean();
    reply(exchange, ok ? 200 : 503, "text/plain; charset=utf-8", ok ? "ok\n" : "not ok\n");
  }

  private static void reply(HttpExchange exchange, int code, String type, String body)
      throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      var bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(code, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
