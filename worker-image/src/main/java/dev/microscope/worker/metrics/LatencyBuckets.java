package dev.microscope.worker.metrics;

import java.util.Arrays;

/**
 * The latency histogram buckets of the wire contract, shared by the worker and the traffic
 * generator so both sides of a request are measured on the same scale (and the SLO thresholds of
 * the rules fall on bucket boundaries).
 */
public final class LatencyBuckets {
  private static final double[] SECONDS = {
    0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.25, 0.3, 0.5, 0.75, 1, 2.5, 5, 10
  };
  private static final long[] NANOS =
      Arrays.stream(SECONDS).mapToLong(s -> (long) (s * 1e9)).toArray();
  private static final String[] LE = new String[SECONDS.length + 1];

  static {
    for (int i = 0; i < SECONDS.length; i++) {
      LE[i] =
          TextExposition.format(SECONDS[i]).contains(".")
              ? TextExposition.format(SECONDS[i])
              : TextExposition.format(SECONDS[i]) + ".0";
    }
    LE[SECONDS.length] = "+Inf";
  }

  private LatencyBuckets() {}

  /** Number of buckets including {@code +Inf}. */
  public static int count() {
    return LE.length;
  }

  /** The upper bounds in seconds, without {@code +Inf}. */
  public static double[] upperBoundsSeconds() {
    return SECONDS.clone();
  }

  /** The {@code le} label value of bucket {@code i}. */
  public static String le(int i) {
    return LE[i];
  }

  /** Index of the first bucket whose upper bound holds {@code nanos}. */
  public static int indexOf(long nanos) {
    for (int i = 0; i < NANOS.length; i++) {
      if (nanos <= NANOS[i]) {
        return i;
      }
    }
    return NANOS.length;
  }
}
