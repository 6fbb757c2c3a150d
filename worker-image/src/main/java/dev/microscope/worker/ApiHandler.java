package dev.microscope.worker;

import com.sun.net.httpserver.HttpExchange;
import dev.microscope.worker.http.Exchanges;
import dev.microscope.worker.http.PayloadTooLargeException;
import dev.microscope.worker.json.BadFieldException;
import dev.microscope.worker.logging.JsonLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Serves the fake API on behalf of one virtual worker: admission, plan, delay, answer, count. */
final class ApiHandler {
  static final String WORKER_HEADER = "X-Microscope-Worker";
  private static final JsonLog LOG = JsonLog.named("api");
  private static final int MAX_ORDER_BYTES = 64 * 1024;
  private static final byte[] USERS =
      ("{\"users\":[{\"id\":\"u-1\",\"name\":\"Ada\"},{\"id\":\"u-2\",\"name\":\"Grace\"},"
              + "{\"id\":\"u-3\",\"name\":\"Edsger\"}]}")
          .getBytes(StandardCharsets.UTF_8);
  private static final byte[] SLOW = "{\"status\":\"done\"}".getBytes(StandardCharsets.UTF_8);

  private final AtomicLong orderIds = new AtomicLong();
  private final boolean instrumented;

  /** {@code instrumented}: whether answered requests are counted in the worker's metrics. */
  ApiHandler(boolean instrumented) {
    this.instrumented = instrumented;
  }

  void serve(HttpExchange exchange, VirtualWorker worker, Endpoint endpoint) throws IOException {
    long start = System.nanoTime();
    exchange.getResponseHeaders().set(WORKER_HEADER, worker.id());
    if (!endpoint.method().equals(exchange.getRequestMethod())) {
      Exchanges.methodNotAllowed(exchange, endpoint.method());
      return;
    }
    if (worker.isDown()) {
      Exchanges.error(exchange, 503, "worker " + worker.id() + " is restarting");
      return;
    }
    Admission admission = worker.admission();
    if (!enter(admission)) {
      exchange.getResponseHeaders().set("Retry-After", "1");
      Exchanges.error(exchange, 429, "overloaded: pool and queue are full");
      if (instrumented) {
        worker.metrics().recordDropped(endpoint);
      }
      count(worker, endpoint, 429, start);
      return;
    }
    try {
      serveAdmitted(exchange, worker, endpoint, start);
    } finally {
      admission.exit();
    }
  }

  private static boolean enter(Admission admission) {
    try {
      return admission.enter();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void serveAdmitted(
      HttpExchange exchange, VirtualWorker worker, Endpoint endpoint, long start)
      throws IOException {
    if (endpoint == Endpoint.ORDERS && !acceptOrder(exchange, worker, start)) {
      return;
    }
    RequestPlan plan;
    try {
      plan = worker.plan(endpoint);
      sleep(plan.delayNanos());
    } catch (RuntimeException e) {
      LOG.error("request failed", e, "worker", worker.id(), "endpoint", endpoint.path());
      Exchanges.error(exchange, 500, "internal error");
      if (instrumented) {
        worker.record(
            endpoint, 500, ErrorReason.INTERNAL, System.nanoTime() - start, worker.chaos().lies());
      }
      return;
    }
    try {
      if (plan.status() >= 400) {
        Exchanges.error(
            exchange,
            plan.status(),
            plan.reason() == ErrorReason.CHAOS ? "injected fault" : "simulated failure");
      } else {
        Exchanges.json(exchange, 200, body(endpoint));
      }
    } finally {
      // counted even when the client has gone: the worker did the work and chose the status
      if (instrumented) {
        worker.record(
            endpoint, plan.status(), plan.reason(), System.nanoTime() - start, plan.lies());
      }
    }
  }

  /** Reads and validates the order; false when the answer (400 or 413) has been sent. */
  private boolean acceptOrder(HttpExchange exchange, VirtualWorker worker, long start)
      throws IOException {
    try {
      OrderValidator.validate(Exchanges.readBody(exchange, MAX_ORDER_BYTES));
      return true;
    } catch (BadFieldException e) {
      Exchanges.badField(exchange, e);
      count(worker, Endpoint.ORDERS, 400, start);
    } catch (PayloadTooLargeException e) {
      Exchanges.error(exchange, 413, e.getMessage());
      count(worker, Endpoint.ORDERS, 413, start);
    }
    return false;
  }

  private void count(VirtualWorker worker, Endpoint endpoint, int status, long start) {
    if (instrumented) {
      worker.record(endpoint, status, System.nanoTime() - start);
    }
  }

  private byte[] body(Endpoint endpoint) {
    return switch (endpoint) {
      case USERS -> USERS;
      case SLOW -> SLOW;
      case ORDERS ->
          ("{\"orderId\":\"o-" + orderIds.incrementAndGet() + "\",\"status\":\"created\"}")
              .getBytes(StandardCharsets.UTF_8);
    };
  }

  private static void sleep(long nanos) {
    if (nanos <= 0) {
      return;
    }
    try {
      Thread.sleep(Duration.ofNanos(nanos));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
