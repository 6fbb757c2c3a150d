package dev.microscope.worker;

import dev.microscope.chaos.ChaosState;
import dev.microscope.chaos.Fault;
import dev.microscope.worker.metrics.CodeClass;
import dev.microscope.worker.metrics.LatencyHistogram;
import dev.microscope.worker.metrics.MetricsSource;
import dev.microscope.worker.metrics.TextExposition;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/** Every per-worker series of the contract, written from the workers' own state at scrape time. */
public final class WorkerMetricsExporter implements MetricsSource {
  private static final String P = "microscope_worker_";
  private static final Map<Endpoint, String> ENDPOINT_LABELS = new EnumMap<>(Endpoint.class);

  static {
    for (Endpoint e : Endpoint.all()) {
      ENDPOINT_LABELS.put(
          e,
          TextExposition.label("endpoint", e.path())
              + ","
              + TextExposition.label("method", e.method()));
    }
  }

  private final VirtualWorkers workers;

  public WorkerMetricsExporter(VirtualWorkers workers) {
    this.workers = workers;
  }

  @Override
  public void writeTo(TextExposition out) throws IOException {
    writeRequests(out);
    writeDurations(out);
    writeErrors(out);
    writeDropped(out);
    writeUse(out);
    writeChaos(out);
  }

  private void writeRequests(TextExposition out) throws IOException {
    out.family(P + "requests_total", "counter", "Requests answered, by status class");
    for (VirtualWorker w : workers.all()) {
      WorkerMetrics m = w.metrics();
      for (Endpoint e : Endpoint.all()) {
        if (m.seen(e)) {
          String labels = w.labels() + "," + ENDPOINT_LABELS.get(e);
          for (CodeClass c : WorkerMetrics.CLASSES) {
            out.sample(P + "requests_total", labels, "code_class", c.label(), m.requests(e, c));
          }
        }
      }
    }
  }

  private void writeDurations(TextExposition out) throws IOException {
    out.family(P + "request_duration_seconds", "histogram", "Time from arrival to answer");
    for (VirtualWorker w : workers.all()) {
      WorkerMetrics m = w.metrics();
      for (Endpoint e : Endpoint.all()) {
        LatencyHistogram histogram = m.durations(e);
        if (histogram != null) {
          histogram.writeTo(
              out, P + "request_duration_seconds", w.labels() + "," + ENDPOINT_LABELS.get(e));
        }
      }
    }
  }

  private void writeErrors(TextExposition out) throws IOException {
    out.family(P + "errors_total", "counter", "Server errors, by cause");
    for (VirtualWorker w : workers.all()) {
      WorkerMetrics m = w.metrics();
      for (Endpoint e : Endpoint.all()) {
        if (m.seen(e)) {
          String labels = w.labels() + "," + ENDPOINT_LABELS.get(e);
          for (ErrorReason r : WorkerMetrics.REASONS) {
            out.sample(P + "errors_total", labels, "reason", r.label(), m.errors(e, r));
          }
        }
      }
    }
  }

  private void writeDropped(TextExposition out) throws IOException {
    out.family(
        P + "dropped_requests_total", "counter", "Requests refused with 429: pool and queue full");
    for (VirtualWorker w : workers.all()) {
      WorkerMetrics m = w.metrics();
      for (Endpoint e : Endpoint.all()) {
        if (m.seen(e)) {
          out.sample(P + "dropped_requests_total", w.labels(), "endpoint", e.path(), m.dropped(e));
        }
      }
    }
  }

  private void writeUse(TextExposition out) throws IOException {
    out.family(P + "inflight_requests", "gauge", "Requests being served");
    for (VirtualWorker w : workers.all()) {
      out.sample(P + "inflight_requests", w.labels(), w.admission().inFlight());
    }
    out.family(P + "queue_depth", "gauge", "Requests waiting for a slot");
    for (VirtualWorker w : workers.all()) {
      out.sample(P + "queue_depth", w.labels(), w.admission().queued());
    }
    out.family(P + "queue_capacity", "gauge", "Size of the queue in front of the pool");
    for (VirtualWorker w : workers.all()) {
      out.sample(P + "queue_capacity", w.labels(), w.admission().queueCapacity());
    }
    out.family(P + "concurrency_limit", "gauge", "Size of the pool");
    for (VirtualWorker w : workers.all()) {
      out.sample(P + "concurrency_limit", w.labels(), w.admission().concurrency());
    }
    out.family(P + "saturation_ratio", "gauge", "(in flight + queued) / (pool + queue)");
    for (VirtualWorker w : workers.all()) {
      out.sample(P + "saturation_ratio", w.labels(), w.admission().saturation());
    }
  }

  private void writeChaos(TextExposition out) throws IOException {
    out.family(P + "chaos_active", "gauge", "1 while the fault is on");
    for (VirtualWorker w : workers.all()) {
      ChaosState chaos = w.chaos();
      for (Fault f : Fault.all()) {
        out.sample(P + "chaos_active", w.labels(), "fault", f.label(), chaos.isActive(f) ? 1 : 0);
      }
    }
    out.family(P + "chaos_level", "gauge", "Chaos intensity reported with the fault set (0..1)");
    for (VirtualWorker w : workers.all()) {
      out.sample(P + "chaos_level", w.labels(), w.chaos().level());
    }
    out.family(
        P + "chaos_lease_remaining_seconds", "gauge", "Time until the faults stop unless renewed");
    for (VirtualWorker w : workers.all()) {
      out.sample(
          P + "chaos_lease_remaining_seconds", w.labels(), w.chaos().leaseRemainingSeconds());
    }
    out.family(
        P + "chaos_lease_expirations_total",
        "counter",
        "Fault sets dropped because their lease ran out");
    for (VirtualWorker w : workers.all()) {
      out.sample(P + "chaos_lease_expirations_total", w.labels(), w.chaos().leaseExpirations());
    }
    out.family(P + "memory_leaked_bytes", "gauge", "Heap held by the memory leak fault");
    for (VirtualWorker w : workers.all()) {
      out.sample(P + "memory_leaked_bytes", w.labels(), w.chaos().leakedBytes());
    }
    out.family(
        P + "start_time_seconds", "gauge", "Start of the worker (moves on a virtual restart)");
    for (VirtualWorker w : workers.all()) {
      out.sample(P + "start_time_seconds", w.labels(), w.startedAt().toEpochMilli() / 1000.0);
    }
    out.family(P + "cardinality_bomb", "gauge", "One series per bomb_id of the cardinality fault");
    for (VirtualWorker w : workers.all()) {
      long base = w.chaos().bombBase();
      long count = w.chaos().bombSeries();
      for (long i = 0; i < count; i++) {
        out.sample(P + "cardinality_bomb", w.labels(), "bomb_id", Long.toString(base + i), 1L);
      }
    }
  }
}
