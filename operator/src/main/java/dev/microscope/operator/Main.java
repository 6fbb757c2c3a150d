package dev.microscope.operator;

/** Entry point of the operator jar. The {@code operator} and {@code local} commands land here. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.err.println("usage: microscope <operator|local> [options]");
    System.exit(2);
  }
}
