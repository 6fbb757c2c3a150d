package dev.microscope.worker;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.microscope.chaos.ChaosAdmin;
import dev.microscope.worker.http.Exchanges;
import dev.microscope.worker.logging.JsonLog;
import dev.microscope.worker.metrics.MetricsHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Routes every request of the worker's HTTP surface (docs/contract.md, "Worker HTTP surface"). */
final class WorkerRouter implements HttpHandler {
  private static final JsonLog LOG = JsonLog.named("http");
  private static final String API = "/api/";
  private static final String ONE_WORKER = "/w/";
  private static final byte[] HEALTHY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

  private final VirtualWorkers workers;
  private final ApiHandler api;
  private final Optional<MetricsHandler> metrics;
  private final ChaosAdmin admin;

  /** Without a metrics handler nothing is recorded and {@code /metrics} is not found. */
  WorkerRouter(VirtualWorkers workers, Optional<MetricsHandler> metrics, ChaosAdmin admin) {
    this.workers = workers;
    this.api = new ApiHandler(metrics.isPresent());
    this.metrics = metrics;
    this.admin = admin;
  }

  @Override
  public void handle(HttpExchange exchange) {
    try (exchange) {
      route(exchange, exchange.getRequestURI().getPath());
    } catch (IOException e) {
      // the client went away mid-answer; nothing left to tell it
    } catch (RuntimeException e) {
      LOG.error("unexpected failure", e, "path", exchange.getRequestURI().getPath());
    }
  }

  private void route(HttpExchange exchange, String path) throws IOException {
    if (path.startsWith(API)) {
      api(exchange, workers.next(), path);
    } else if (path.startsWith(ONE_WORKER)) {
      int slash = path.indexOf('/', ONE_WORKER.length());
      Optional<VirtualWorker> worker =
          slash < 0 ? Optional.empty() : workers.find(path.substring(ONE_WORKER.length(), slash));
      if (worker.isEmpty()) {
        Exchanges.error(exchange, 404, "no such worker in this process");
      } else {
        api(exchange, worker.get(), path.substring(slash));
      }
    } else if (path.startsWith("/admin/")) {
      admin.handle(exchange, path);
    } else {
      switch (path) {
        case "/health" -> get(exchange, HEALTHY);
        case "/workers" -> get(exchange, workers.listJson());
        case "/metrics" -> {
          if (metrics.isEmpty()) {
            Exchanges.error(exchange, 404, "metrics are off (--metrics off)");
          } else if (requireGet(exchange)) {
            metrics.get().handle(exchange);
          }
        }
        default -> Exchanges.error(exchange, 404, "not found: " + path);
      }
    }
  }

  private void api(HttpExchange exchange, VirtualWorker worker, String path) throws IOException {
    Optional<Endpoint> endpoint = Endpoint.ofPath(path);
    if (endpoint.isEmpty()) {
      exchange.getResponseHeaders().set(ApiHandler.WORKER_HEADER, worker.id());
      Exchanges.error(exchange, 404, "no endpoint " + path);
      return;
    }
    api.serve(exchange, worker, endpoint.get());
  }

  private static void get(HttpExchange exchange, byte[] body) throws IOException {
    if (requireGet(exchange)) {
      Exchanges.json(exchange, 200, body);
    }
  }

  private static boolean requireGet(HttpExchange exchange) throws IOException {
    if (exchange.getRequestMethod().equals("GET")) {
      return true;
    }
    Exchanges.methodNotAllowed(exchange, "GET");
    return false;
  }
}
