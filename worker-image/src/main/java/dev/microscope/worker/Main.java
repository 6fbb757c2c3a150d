package dev.microscope.worker;

/** Entry point of the worker-image jar: {@code worker} or {@code loadgen}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.err.println("usage: microscope-worker <worker|loadgen> [options]");
    System.exit(2);
  }
}
