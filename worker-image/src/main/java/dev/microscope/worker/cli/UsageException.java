package dev.microscope.worker.cli;

/** Bad command-line input. The message names the flag; the process exits with code 2. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
