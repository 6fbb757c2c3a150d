package dev.microscope.chaos;

import java.util.Locale;
import java.util.Random;

/**
 * The whole fault set of one worker, as sent in an admin {@code PUT}. A null section is a fault
 * that is off. Values are validated by {@link ChaosSpecJson}.
 */
public record ChaosSpec(
    long leaseSeconds,
    Double level,
    Long seed,
    Latency latency,
    Errors errors,
    MemoryLeak memoryLeak,
    Cpu cpu,
    Crash crash,
    Lies lies,
    Cardinality cardinality) {

  public static final long DEFAULT_LEASE_SECONDS = 60;

  /** A spec with no fault at all (still a lease). */
  public static ChaosSpec none() {
    return new ChaosSpec(
        DEFAULT_LEASE_SECONDS, null, null, null, null, null, null, null, null, null);
  }

  /** Whether {@code fault}'s section asks for something (before its runtime, e.g. CPU duration). */
  public boolean requests(Fault fault) {
    return switch (fault) {
      case LATENCY -> latency != null && latency.probability() > 0;
      case ERRORS -> errors != null && errors.canFail();
      case MEMORY_LEAK -> memoryLeak != null;
      case CPU -> cpu != null;
      case CRASH -> crash != null && crash.probabilityPerMinute() > 0;
      case LIES -> lies != null && lies.isLying();
      case CARDINALITY -> cardinality != null;
    };
  }

  /** How the extra latency of a request is drawn. */
  public enum Distribution {
    UNIFORM,
    EXPONENTIAL,
    FIXED;

    public String json() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Extra latency on a share of requests. */
  public record Latency(double probability, Distribution distribution, long minMs, long maxMs) {
    /** The extra delay of one affected request, in milliseconds. */
    public double drawMs(Random random) {
      return switch (distribution) {
        case FIXED -> minMs;
        case UNIFORM -> minMs + random.nextDouble() * (maxMs - minMs);
        case EXPONENTIAL -> Math.min(maxMs, -minMs * Math.log(1 - random.nextDouble()));
      };
    }
  }

  /** Failed responses: a steady rate, and optionally bursts of a higher rate. */
  public record Errors(double rate, int status, Burst burst) {
    boolean canFail() {
      return rate > 0 || (burst != null && burst.rate() > 0);
    }

    /** The error rate {@code sinceStartMs} after the fault was set (bursts open each period). */
    public double rateAt(long sinceStartMs) {
      if (burst != null && sinceStartMs >= 0) {
        long period = burst.everySeconds() * 1000;
        if (sinceStartMs % period < burst.durationSeconds() * 1000) {
          return burst.rate();
        }
      }
      return rate;
    }
  }

  /** Every {@code everySeconds}, {@code durationSeconds} at {@code rate}. */
  public record Burst(long everySeconds, long durationSeconds, double rate) {}

  /** Memory retained at a steady rate up to a cap. */
  public record MemoryLeak(long bytesPerSecond, long maxBytes) {}

  /** Busy CPU: {@code cores} threads' worth at {@code dutyCycle}, for a time or the whole lease. */
  public record Cpu(double cores, double dutyCycle, Long durationSeconds) {}

  /** Abrupt crashes. */
  public record Crash(double probabilityPerMinute) {}

  /** Falsified server-side metrics; the responses stay true. */
  public record Lies(
      boolean hideErrors, double latencyFactor, boolean freezeCounters, double trafficFactor) {
    public static final Lies NONE = new Lies(false, 1, false, 1);

    public boolean isLying() {
      return hideErrors || freezeCounters || latencyFactor != 1 || trafficFactor != 1;
    }

    /**
     * How many requests one real request is reported as: {@code trafficFactor}, its fraction
     * rounded up or down at random so the reported rate matches on average.
     */
    public long reportedCount(Random random) {
      if (freezeCounters) {
        return 0;
      }
      long whole = (long) trafficFactor;
      double fraction = trafficFactor - whole;
      return fraction > 0 && random.nextDouble() < fraction ? whole + 1 : whole;
    }
  }

  /** A label explosion: new {@code bomb_id} values at a rate, up to a cap. */
  public record Cardinality(double seriesPerSecond, long maxSeries) {}
}
