package dev.microscope.worker.json;

/** JSON string literals, for the few places that write JSON by hand (logs, small responses). */
public final class JsonText {
  private JsonText() {}

  /** {@code value} as a quoted JSON string. */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2);
    appendQuoted(out, value);
    return out.toString();
  }

  public static void appendQuoted(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
