package dev.microscope.worker;

/** How an endpoint behaves without chaos: uniform latency from min to max, a share of errors. */
public record EndpointProfile(long minMs, long maxMs, double errorRate) {
  public EndpointProfile {
    if (minMs < 0 || maxMs < minMs) {
      throw new IllegalArgumentException("need 0 <= minMs <= maxMs");
    }
    if (!(errorRate >= 0 && errorRate <= 1)) {
      throw new IllegalArgumentException("errorRate must be from 0 to 1");
    }
  }
}
