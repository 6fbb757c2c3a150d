package dev.microscope.worker;

import dev.microscope.chaos.ChaosSpec.Lies;

/**
 * How one request will be served: after how long, with which status, why it fails (null when it
 * does not), and the lies its metrics will tell.
 */
public record RequestPlan(long delayNanos, int status, ErrorReason reason, Lies lies) {}
