package dev.microscope.operator.control;

import java.util.Locale;

/**
 * The faults a worker can inject; {@link #wireName()} is the {@code fault} label of its metrics.
 */
public enum Fault {
  LATENCY,
  ERRORS,
  MEMORY_LEAK,
  CPU,
  CRASH,
  LIES,
  CARDINALITY;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code memory_leak}, {@code memoryLeak} or {@code MEMORY_LEAK}. */
  public static Fault parse(String text) {
    String normalized = text.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    try {
      return valueOf(normalized);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown fault '" + text + "'", e);
    }
  }
}
