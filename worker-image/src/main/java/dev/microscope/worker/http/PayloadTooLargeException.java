package dev.microscope.worker.http;

/** A request body over the limit; answered with {@code 413}. */
public final class PayloadTooLargeException extends Exception {
  private static final long serialVersionUID = 1L;

  public PayloadTooLargeException(int limit) {
    super("request body over " + limit + " bytes");
  }
}
