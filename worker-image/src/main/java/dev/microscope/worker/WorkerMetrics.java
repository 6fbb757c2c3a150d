package dev.microscope.worker;

import dev.microscope.chaos.ChaosSpec.Lies;
import dev.microscope.worker.metrics.CodeClass;
import dev.microscope.worker.metrics.LatencyHistogram;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The request counters of one worker (RED), as flat arrays: a few hundred bytes per worker, and an
 * endpoint's series only appear once it has seen a request. This is where the lies of the lies
 * fault are told; the responses themselves stay true.
 */
public final class WorkerMetrics {
  static final CodeClass[] CLASSES = {CodeClass.C2XX, CodeClass.C4XX, CodeClass.C5XX};
  static final ErrorReason[] REASONS = ErrorReason.values();
  private static final int ENDPOINTS = Endpoint.all().length;

  private final AtomicLongArray requests = new AtomicLongArray(ENDPOINTS * CLASSES.length);
  private final AtomicLongArray errors = new AtomicLongArray(ENDPOINTS * REASONS.length);
  private final AtomicLongArray dropped = new AtomicLongArray(ENDPOINTS);
  private final AtomicReferenceArray<LatencyHistogram> durations =
      new AtomicReferenceArray<>(ENDPOINTS);

  /** Records one answered request as the lies say it should be reported. */
  public void record(
      Endpoint endpoint, int status, ErrorReason reason, long nanos, Lies lies, Random random) {
    LatencyHistogram histogram = histogram(endpoint);
    long times = lies.reportedCount(random);
    if (times == 0) {
      return;
    }
    CodeClass codeClass = CodeClass.of(status);
    boolean hidden = lies.hideErrors() && codeClass == CodeClass.C5XX;
    if (hidden) {
      codeClass = CodeClass.C2XX;
    }
    requests.addAndGet(endpoint.ordinal() * CLASSES.length + codeClass.ordinal(), times);
    histogram.record((long) (nanos * lies.latencyFactor()), times);
    if (reason != null && !hidden) {
      errors.addAndGet(endpoint.ordinal() * REASONS.length + reason.ordinal(), times);
    }
  }

  /** A request refused by backpressure (the 429 itself is recorded as a request too). */
  public void recordDropped(Endpoint endpoint) {
    histogram(endpoint);
    dropped.incrementAndGet(endpoint.ordinal());
  }

  /** Whether the endpoint has seen a request, i.e. whether its series are exported. */
  public boolean seen(Endpoint endpoint) {
    return durations.get(endpoint.ordinal()) != null;
  }

  public long requests(Endpoint endpoint, CodeClass codeClass) {
    return requests.get(endpoint.ordinal() * CLASSES.length + codeClass.ordinal());
  }

  public long errors(Endpoint endpoint, ErrorReason reason) {
    return errors.get(endpoint.ordinal() * REASONS.length + reason.ordinal());
  }

  public long dropped(Endpoint endpoint) {
    return dropped.get(endpoint.ordinal());
  }

  /** The endpoint's latency histogram, or null before its first request. */
  public LatencyHistogram durations(Endpoint endpoint) {
    return durations.get(endpoint.ordinal());
  }

  private LatencyHistogram histogram(Endpoint endpoint) {
    LatencyHistogram histogram = durations.get(endpoint.ordinal());
    if (histogram == null) {
      durations.compareAndSet(endpoint.ordinal(), null, new LatencyHistogram());
      histogram = durations.get(endpoint.ordinal());
    }
    return histogram;
  }
}
