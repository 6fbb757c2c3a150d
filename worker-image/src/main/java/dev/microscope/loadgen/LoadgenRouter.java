package dev.microscope.loadgen;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.microscope.worker.http.AdminGate;
import dev.microscope.worker.http.Exchanges;
import dev.microscope.worker.http.PayloadTooLargeException;
import dev.microscope.worker.json.BadFieldException;
import dev.microscope.worker.json.Json;
import dev.microscope.worker.logging.JsonLog;
import dev.microscope.worker.metrics.MetricsHandler;
import java.io.IOException;

/**
 * The traffic generator's HTTP surface: {@code /health}, {@code /metrics}, {@code /admin/traffic}.
 */
final class LoadgenRouter implements HttpHandler {
  private static final JsonLog LOG = JsonLog.named("http");

  private final MetricsHandler metrics;
  private final AdminGate gate;
  private final TrafficControl traffic;

  LoadgenRouter(MetricsHandler metrics, AdminGate gate, TrafficControl traffic) {
    this.metrics = metrics;
    this.gate = gate;
    this.traffic = traffic;
  }

  @Override
  public void handle(HttpExchange exchange) {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      switch (path) {
        case "/health" -> {
          if (method.equals("GET")) {
            Exchanges.json(exchange, 200, "{\"status\":\"ok\"}");
          } else {
            Exchanges.methodNotAllowed(exchange, "GET");
          }
        }
        case "/metrics" -> {
          if (method.equals("GET")) {
            metrics.handle(exchange);
          } else {
            Exchanges.methodNotAllowed(exchange, "GET");
          }
        }
        case "/admin/traffic" -> admin(exchange, method);
        default -> Exchanges.error(exchange, 404, "not found: " + path);
      }
    } catch (IOException e) {
      // the client went away mid-answer
    } catch (RuntimeException e) {
      LOG.error("unexpected failure", e, "path", exchange.getRequestURI().getPath());
    }
  }

  private void admin(HttpExchange exchange, String method) throws IOException {
    if (!gate.admit(exchange)) {
      return;
    }
    try {
      switch (method) {
        case "GET" -> {}
        case "PUT" ->
            traffic.set(
                TrafficSettingsJson.parse(
                    Exchanges.readBody(exchange, AdminGate.MAX_BODY_BYTES), traffic.defaults()),
                "admin");
        default -> {
          Exchanges.methodNotAllowed(exchange, "GET, PUT");
          return;
        }
      }
      Exchanges.json(exchange, 200, Json.write(TrafficSettingsJson.toJson(traffic.get())));
    } catch (BadFieldException e) {
      Exchanges.badField(exchange, e);
    } catch (PayloadTooLargeException e) {
      Exchanges.error(exchange, 413, e.getMessage());
    }
  }
}
