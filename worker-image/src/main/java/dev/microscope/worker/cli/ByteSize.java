package dev.microscope.worker.cli;

/** A byte count written as a plain number or with a Kubernetes suffix (Ki, Mi, Gi, k, M, G). */
public final class ByteSize {
  private ByteSize() {}

  /** The number of bytes, or an {@link IllegalArgumentException} saying what is wrong. */
  public static long parse(String text) {
    String s = text.strip();
    long multiplier = 1;
    String[][] suffixes = {
      {"Ki", "1024"},
      {"Mi", "1048576"},
      {"Gi", "1073741824"},
      {"Ti", "1099511627776"},
      {"k", "1000"},
      {"K", "1000"},
      {"M", "1000000"},
      {"G", "1000000000"},
      {"T", "1000000000000"}
    };
    for (String[] suffix : suffixes) {
      if (s.endsWith(suffix[0])) {
        multiplier = Long.parseLong(suffix[1]);
        s = s.substring(0, s.length() - suffix[0].length());
        break;
      }
    }
    try {
      long value = Long.parseLong(s);
      if (value <= 0) {
        throw new IllegalArgumentException("must be positive, got \"" + text + "\"");
      }
      return Math.multiplyExact(value, multiplier);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "must be a byte count like 67108864 or 64Mi, got \"" + text.strip() + "\"");
    }
  }
}
