package dev.microscope.worker.cli;

import java.util.List;

/** The {@code --help} text of a command, rendered from its flags. */
public final class Usage {
  private Usage() {}

  public static String render(String synopsis, String description, List<Flag> flags) {
    StringBuilder text = new StringBuilder();
    text.append("Usage: ")
        .append(synopsis)
        .append("\n\n")
        .append(description)
        .append("\n\nFlags:\n");
    for (Flag flag : flags) {
      text.append(String.format("  %-22s %s", flag.name() + " V", flag.help()));
      if (flag.defaultValue() != null && !flag.defaultValue().isEmpty()) {
        text.append(" (default ").append(flag.defaultValue()).append(')');
      }
      if (!flag.env().isEmpty()) {
        text.append(" [env ").append(String.join(", ", flag.env())).append(']');
      }
      text.append('\n');
    }
    return text.toString();
  }
}
