package dev.microscope.operator.constraints;

/** A fleet that cannot fit its budget; the message says which field to change and by how much. */
public final class DoesNotFit extends IllegalArgumentException {
  private final String field;

  public DoesNotFit(String field, String message) {
    super(field + " " + message);
    this.field = field;
  }

  /** The spec field to change, e.g. {@code spec.constraints.memoryBudget}. */
  public String field() {
    return field;
  }

  /** The message without the field. */
  public String reason() {
    return getMessage().substring(field.length() + 1);
  }
}
