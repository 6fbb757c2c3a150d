package dev.microscope.operator.loop;

/** An action the platform could not carry out; the message goes into the decision log. */
public class ActuationException extends Exception {
  public ActuationException(String message) {
    super(message);
  }

  public ActuationException(String message, Throwable cause) {
    super(message, cause);
  }
}
