package dev.microscope.loadgen;

import dev.microscope.worker.Endpoint;
import dev.microscope.worker.metrics.CodeClass;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends one request on its own virtual thread and records what came back. At most {@code
 * maxInFlight} at once: beyond that a request is skipped and counted, never queued, so a stalled
 * target cannot make the generator pile up threads.
 */
final class RequestSender {
  private final HttpClient client;
  private final Duration timeout;
  private final Semaphore inFlight;
  private final int maxInFlight;
  private final ClientMetrics metrics;
  private final Random random;

  RequestSender(
      HttpClient client, Duration timeout, int maxInFlight, ClientMetrics metrics, Random random) {
    this.client = client;
    this.timeout = timeout;
    this.inFlight = new Semaphore(maxInFlight);
    this.maxInFlight = maxInFlight;
    this.metrics = metrics;
    this.random = random;
  }

  void send(TargetWorker target, Endpoint endpoint) {
    if (!inFlight.tryAcquire()) {
      metrics.skipped();
      return;
    }
    HttpRequest request = request(target, endpoint);
    Thread.startVirtualThread(
        () -> {
          try {
            execute(target, endpoint, request);
          } finally {
            inFlight.release();
          }
        });
  }

  /** Waits until no request is in flight, at most {@code deadline}; false if some still are. */
  boolean awaitIdle(Duration deadline) {
    try {
      if (inFlight.tryAcquire(maxInFlight, deadline.toMillis(), TimeUnit.MILLISECONDS)) {
        inFlight.release(maxInFlight);
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  private void execute(TargetWorker target, Endpoint endpoint, HttpRequest request) {
    long start = System.nanoTime();
    CodeClass outcome;
    try {
      outcome =
          CodeClass.of(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
    } catch (IOException e) {
      outcome = CodeClass.ERROR;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = CodeClass.ERROR;
    }
    metrics.record(target.workerId(), endpoint, outcome, System.nanoTime() - start);
  }

  private HttpRequest request(TargetWorker target, Endpoint endpoint) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(target.uri(endpoint)).timeout(timeout);
    if (endpoint == Endpoint.ORDERS) {
      String order =
          "{\"userId\":\"u-"
              + random.nextInt(1000)
              + "\",\"items\":[{\"sku\":\"sku-"
              + random.nextInt(100)
              + "\",\"qty\":"
              + (1 + random.nextInt(5))
              + "}]}";
      return builder
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(order))
          .build();
    }
    return builder.GET().build();
  }
}
