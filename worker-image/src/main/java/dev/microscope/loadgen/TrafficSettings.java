package dev.microscope.loadgen;

import java.util.Set;

/** What traffic to send: the admin {@code PUT /admin/traffic} document. */
public record TrafficSettings(
    boolean enabled, double rate, RatePattern pattern, EndpointMix mix, Set<String> exclude) {
  public TrafficSettings {
    exclude = Set.copyOf(exclude);
  }

  /** The rate at {@code seconds} into the run; 0 when disabled. */
  public double rateAt(double seconds) {
    return enabled ? pattern.rateAt(rate, seconds) : 0;
  }
}
