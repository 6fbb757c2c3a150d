package dev.microscope.loadgen;

import dev.microscope.worker.Endpoint;
import dev.microscope.worker.metrics.CodeClass;
import dev.microscope.worker.metrics.LatencyHistogram;
import dev.microscope.worker.metrics.MetricsSource;
import dev.microscope.worker.metrics.TextExposition;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What the traffic generator saw of each target worker: the independent, client-side view that
 * exposes a worker whose own metrics lie. A worker's series go away a while after it left
 * discovery, so churn of pod names does not pile up series.
 */
public final class ClientMetrics implements MetricsSource {
  /** How long a worker that left discovery keeps its series. */
  static final Duration RETENTION = Duration.ofMinutes(10);

  private static final String P = "microscope_loadgen_";
  private static final CodeClass[] CLASSES = CodeClass.values();
  private static final int ENDPOINTS = Endpoint.all().length;

  private final String fleetLabel;
  private final InstantSource clock;
  private final Map<String, PerWorker> workers = new ConcurrentHashMap<>();
  private final AtomicLong skipped = new AtomicLong();
  private volatile double rateTarget;
  private volatile int targets;

  /** Counters of one target worker. */
  private static final class PerWorker {
    final String labels;
    final AtomicLongArray requests = new AtomicLongArray(ENDPOINTS * CLASSES.length);
    final AtomicReferenceArray<LatencyHistogram> durations = new AtomicReferenceArray<>(ENDPOINTS);
    volatile Instant lastTargeted;

    PerWorker(String labels, Instant now) {
      this.labels = labels;
      this.lastTargeted = now;
    }

    LatencyHistogram histogram(Endpoint endpoint) {
      LatencyHistogram h = durations.get(endpoint.ordinal());
      if (h == null) {
        durations.compareAndSet(endpoint.ordinal(), null, new LatencyHistogram());
        h = durations.get(endpoint.ordinal());
      }
      return h;
    }
  }

  public ClientMetrics(String fleet, InstantSource clock) {
    this.fleetLabel = TextExposition.label("fleet", fleet);
    this.clock = clock;
  }

  public void record(String workerId, Endpoint endpoint, CodeClass codeClass, long nanos) {
    PerWorker w =
        workers.computeIfAbsent(
            workerId,
            id ->
                new PerWorker(
                    fleetLabel + "," + TextExposition.label("worker", id), clock.instant()));
    w.histogram(endpoint).record(nanos, 1);
    w.requests.incrementAndGet(endpoint.ordinal() * CLASSES.length + codeClass.ordinal());
  }

  public void skipped() {
    skipped.incrementAndGet();
  }

  public long skippedCount() {
    return skipped.get();
  }

  /** Called as traffic is planned: the current target rate and the workers it goes to. */
  public void targeting(double rate, Collection<TargetWorker> current, Instant now) {
    rateTarget = rate;
    targets = current.size();
    for (TargetWorker t : current) {
      PerWorker w = workers.get(t.workerId());
      if (w != null) {
        w.lastTargeted = now;
      }
    }
    workers.values().removeIf(w -> w.lastTargeted.plus(RETENTION).isBefore(now));
  }

  /** Requests of one worker and class so far (for tests and the summary). */
  public long requests(String workerId, Endpoint endpoint, CodeClass codeClass) {
    PerWorker w = workers.get(workerId);
    return w == null
        ? 0
        : w.requests.get(endpoint.ordinal() * CLASSES.length + codeClass.ordinal());
  }

  @Override
  public void writeTo(TextExposition out) throws IOException {
    out.family(P + "requests_total", "counter", "Requests sent, by target worker and outcome");
    for (PerWorker w : workers.values()) {
      for (Endpoint e : Endpoint.all()) {
        if (w.durations.get(e.ordinal()) != null) {
          String labels = w.labels + "," + TextExposition.label("endpoint", e.path());
          for (CodeClass c : CLASSES) {
            out.sample(
                P + "requests_total",
                labels,
                "code_class",
                c.label(),
                w.requests.get(e.ordinal() * CLASSES.length + c.ordinal()));
          }
        }
      }
    }
    out.family(P + "request_duration_seconds", "histogram", "Time from send to full answer");
    for (PerWorker w : workers.values()) {
      for (Endpoint e : Endpoint.all()) {
        LatencyHistogram h = w.durations.get(e.ordinal());
        if (h != null) {
          h.writeTo(
              out,
              P + "request_duration_seconds",
              w.labels + "," + TextExposition.label("endpoint", e.path()));
        }
      }
    }
    out.family(P + "rate_target_per_second", "gauge", "Requests per second the generator aims at");
    out.sample(P + "rate_target_per_second", fleetLabel, rateTarget);
    out.family(P + "targets", "gauge", "Workers receiving traffic");
    out.sample(P + "targets", fleetLabel, (long) targets);
    out.family(P + "skipped_requests_total", "counter", "Requests not sent: too many in flight");
    out.sample(P + "skipped_requests_total", fleetLabel, skipped.get());
  }
}
