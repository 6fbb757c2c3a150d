package dev.microscope.chaos;

import dev.microscope.chaos.ChaosSpec.Lies;

/**
 * What chaos does to one request: extra delay, a forced error status (0 for none), and the lies its
 * metrics will tell.
 */
public record Injection(long delayNanos, int errorStatus, Lies lies) {
  public static final Injection NONE = new Injection(0, 0, Lies.NONE);
}
