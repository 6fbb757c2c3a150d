package dev.microscope.chaos;

/** The kinds of fault; the label value is the {@code fault} label of {@code chaos_active}. */
public enum Fault {
  LATENCY("latency"),
  ERRORS("errors"),
  MEMORY_LEAK("memory_leak"),
  CPU("cpu"),
  CRASH("crash"),
  LIES("lies"),
  CARDINALITY("cardinality");

  private static final Fault[] ALL = values();

  private final String label;

  Fault(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** All faults, shared (callers must not modify it). */
  public static Fault[] all() {
    return ALL;
  }
}
