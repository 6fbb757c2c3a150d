package dev.microscope.worker;

/** The {@code reason} label of {@code microscope_worker_errors_total}. */
public enum ErrorReason {
  PROFILE("profile"),
  CHAOS("chaos"),
  INTERNAL("internal");

  private final String label;

  ErrorReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
