package dev.microscope.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric tables of docs/reference/metrics.md: under each {@code ## } heading, the series named
 * in backticks in a row's first cell, with the type of its second cell.
 */
final class MetricsDoc {
  private static final Pattern NAME = Pattern.compile("`([a-zA-Z_:][a-zA-Z0-9_:]*)`");

  private final Map<String, Map<String, String>> sections;

  private MetricsDoc(Map<String, Map<String, String>> sections) {
    this.sections = sections;
  }

  static MetricsDoc read(Path file) {
    try {
      return parse(Files.readAllLines(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MetricsDoc parse(List<String> lines) {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (String line : lines) {
      if (line.startsWith("## ")) {
        current = new LinkedHashMap<>();
        sections.put(line.substring(3).strip(), current);
      } else if (current != null && line.startsWith("| `")) {
        String[] cells = line.split("(?<!\\\\)\\|");
        Matcher names = NAME.matcher(cells[1]);
        while (names.find()) {
          current.put(names.group(1), cells[2].strip());
        }
      }
    }
    return new MetricsDoc(sections);
  }

  /** Series name to documented type in the section whose heading is {@code heading}. */
  Map<String, String> section(String heading) {
    Map<String, String> section = sections.get(heading);
    if (section == null) {
      throw new IllegalArgumentException(
          "docs/reference/metrics.md has no section '## " + heading + "'");
    }
    return section;
  }
}
