package dev.microscope.worker.metrics;

/** The {@code code_class} label: status classes, and {@code error} when no response came. */
public enum CodeClass {
  C2XX("2xx"),
  C4XX("4xx"),
  C5XX("5xx"),
  ERROR("error");

  private final String label;

  CodeClass(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Anything below 400 counts as success here: the services answer 200, 4xx or 5xx. */
  public static CodeClass of(int status) {
    if (status >= 500) {
      return C5XX;
    }
    return status >= 400 ? C4XX : C2XX;
  }
}
