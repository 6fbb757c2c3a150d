package dev.microscope.chaos;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.microscope.worker.http.AdminGate;
import dev.microscope.worker.http.Exchanges;
import dev.microscope.worker.http.PayloadTooLargeException;
import dev.microscope.worker.json.BadFieldException;
import dev.microscope.worker.json.Json;
import dev.microscope.worker.logging.JsonLog;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * The chaos admin API: {@code GET/PUT/DELETE /admin/chaos[/<worker>]} and {@code POST
 * /admin/workers/<worker>/restart}, behind the bearer token.
 */
public final class ChaosAdmin {
  private static final JsonLog LOG = JsonLog.named("admin");
  private static final String CHAOS = "/admin/chaos";
  private static final String WORKERS = "/admin/workers/";
  private static final String RESTART = "/restart";

  private final ChaosTargets targets;
  private final AdminGate gate;

  public ChaosAdmin(ChaosTargets targets, AdminGate gate) {
    this.targets = targets;
    this.gate = gate;
  }

  /** Handles a request whose path starts with {@code /admin/}. */
  public void handle(HttpExchange exchange, String path) throws IOException {
    if (!gate.admit(exchange)) {
      return;
    }
    try {
      if (path.equals(CHAOS)) {
        allWorkers(exchange);
      } else if (path.startsWith(CHAOS + "/")) {
        String id = path.substring(CHAOS.length() + 1);
        Optional<? extends ChaosTarget> target = find(exchange, id);
        if (target.isPresent()) {
          oneWorker(exchange, target.get());
        }
      } else if (path.startsWith(WORKERS) && path.endsWith(RESTART)) {
        String id = path.substring(WORKERS.length(), path.length() - RESTART.length());
        Optional<? extends ChaosTarget> target = find(exchange, id);
        if (target.isPresent()) {
          restart(exchange, target.get());
        }
      } else {
        Exchanges.error(exchange, 404, "no admin endpoint " + path);
      }
    } catch (BadFieldException e) {
      Exchanges.badField(exchange, e);
    } catch (PayloadTooLargeException e) {
      Exchanges.error(exchange, 413, e.getMessage());
    }
  }

  private Optional<? extends ChaosTarget> find(HttpExchange exchange, String id)
      throws IOException {
    Optional<? extends ChaosTarget> target = targets.find(id);
    if (target.isEmpty()) {
      Exchanges.error(exchange, 404, "unknown worker " + id);
    }
    return target;
  }

  private void allWorkers(HttpExchange exchange) throws IOException, PayloadTooLargeException {
    switch (exchange.getRequestMethod()) {
      case "GET" -> {}
      case "PUT" -> {
        ChaosSpec spec =
            ChaosSpecJson.parse(Exchanges.readBody(exchange, AdminGate.MAX_BODY_BYTES));
        boolean changed = false;
        for (ChaosTarget target : targets.all()) {
          changed |= target.chaos().apply(spec);
        }
        logApplied(changed, "all", spec);
      }
      case "DELETE" -> {
        targets.all().forEach(t -> t.chaos().clear());
        LOG.info("chaos cleared", "workers", "all");
      }
      default -> {
        Exchanges.methodNotAllowed(exchange, "GET, PUT, DELETE");
        return;
      }
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode workers = body.putArray("workers");
    for (ChaosTarget target : targets.all()) {
      workers.add(view(target));
    }
    Exchanges.json(exchange, 200, Json.write(body));
  }

  private void oneWorker(HttpExchange exchange, ChaosTarget target)
      throws IOException, PayloadTooLargeException {
    switch (exchange.getRequestMethod()) {
      case "GET" -> {}
      case "PUT" -> {
        ChaosSpec spec =
            ChaosSpecJson.parse(Exchanges.readBody(exchange, AdminGate.MAX_BODY_BYTES));
        logApplied(target.chaos().apply(spec), target.id(), spec);
      }
      case "DELETE" -> {
        target.chaos().clear();
        LOG.info("chaos cleared", "worker", target.id());
      }
      default -> {
        Exchanges.methodNotAllowed(exchange, "GET, PUT, DELETE");
        return;
      }
    }
    Exchanges.json(exchange, 200, Json.write(view(target)));
  }

  private void restart(HttpExchange exchange, ChaosTarget target) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      Exchanges.methodNotAllowed(exchange, "POST");
      return;
    }
    target.restart();
    LOG.info("worker restarted", "worker", target.id());
    Exchanges.json(exchange, 200, Json.write(view(target)));
  }

  /** {@code {"worker", "chaos", "expiresAt", "leaseRemainingSeconds"}}; nulls without chaos. */
  static ObjectNode view(ChaosTarget target) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("worker", target.id());
    Optional<ChaosState.View> view = target.chaos().view();
    if (view.isPresent()) {
      node.set("chaos", ChaosSpecJson.toJson(view.get().spec()));
      node.put("expiresAt", view.get().expiresAt().toString());
      node.put("leaseRemainingSeconds", view.get().leaseRemainingSeconds());
    } else {
      node.putNull("chaos");
      node.putNull("expiresAt");
      node.put("leaseRemainingSeconds", 0);
    }
    return node;
  }

  /** Logged when the faults change, not on every lease renewal. */
  private static void logApplied(boolean changed, String workers, ChaosSpec spec) {
    if (changed) {
      LOG.info(
          "chaos applied",
          "workers",
          workers,
          "leaseSeconds",
          spec.leaseSeconds(),
          "faults",
          Arrays.stream(Fault.all()).filter(spec::requests).map(Fault::label).toList());
    }
  }
}
