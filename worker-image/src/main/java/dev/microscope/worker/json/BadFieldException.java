package dev.microscope.worker.json;

/** A JSON document that is not acceptable, with the path of the offending field. */
public final class BadFieldException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The path used when the document as a whole is wrong (not JSON, not an object). */
  public static final String ROOT = "$";

  private final String field;

  public BadFieldException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
