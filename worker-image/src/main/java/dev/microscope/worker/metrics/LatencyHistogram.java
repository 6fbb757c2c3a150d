package dev.microscope.worker.metrics;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A cumulative latency histogram on {@link LatencyBuckets}: one array of counts per bucket and the
 * sum in nanoseconds, about 150 bytes per instance.
 */
public final class LatencyHistogram {
  private static final int SUM = LatencyBuckets.count();

  // buckets 0..n-1 hold non-cumulative counts; the last slot holds the sum in nanoseconds
  private final AtomicLongArray cells = new AtomicLongArray(LatencyBuckets.count() + 1);

  /** Records {@code times} observations of {@code nanos} each. */
  public void record(long nanos, long times) {
    if (times <= 0) {
      return;
    }
    long clamped = Math.max(0, nanos);
    cells.addAndGet(LatencyBuckets.indexOf(clamped), times);
    cells.addAndGet(SUM, clamped * times);
  }

  public long count() {
    long total = 0;
    for (int i = 0; i < SUM; i++) {
      total += cells.get(i);
    }
    return total;
  }

  public double sumSeconds() {
    return cells.get(SUM) / 1e9;
  }

  /** The {@code _bucket}, {@code _sum} and {@code _count} lines of one labelled histogram. */
  public void writeTo(TextExposition out, String name, String labels) throws IOException {
    long cumulative = 0;
    String bucket = name + "_bucket";
    for (int i = 0; i < SUM; i++) {
      cumulative += cells.get(i);
      out.sample(bucket, labels, "le", LatencyBuckets.le(i), cumulative);
    }
    out.sample(name + "_sum", labels, sumSeconds());
    out.sample(name + "_count", labels, cumulative);
  }
}
