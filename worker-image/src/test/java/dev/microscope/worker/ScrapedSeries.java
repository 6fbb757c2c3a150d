package dev.microscope.worker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The names and label keys of every sample in a Prometheus text exposition. */
public final class ScrapedSeries {
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)$");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"(?:[^\"\\\\]|\\\\.)*\"");

  private final Map<String, Set<Set<String>>> labelKeys = new LinkedHashMap<>();

  private ScrapedSeries() {}

  public static ScrapedSeries parse(String exposition) {
    ScrapedSeries series = new ScrapedSeries();
    for (String line : exposition.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      if (!sample.matches()) {
        throw new IllegalArgumentException("not a sample line: " + line);
      }
      Set<String> keys = new TreeSet<>();
      if (sample.group(2) != null) {
        Matcher label = LABEL.matcher(sample.group(2));
        while (label.find()) {
          keys.add(label.group(1));
        }
      }
      Double.parseDouble(sample.group(3).replace("Inf", "Infinity"));
      series.labelKeys.computeIfAbsent(sample.group(1), k -> new java.util.HashSet<>()).add(keys);
    }
    return series;
  }

  public Set<String> names() {
    return labelKeys.keySet();
  }

  /** Every distinct set of label keys the samples of {@code name} carry. */
  public Set<Set<String>> labelKeys(String name) {
    return labelKeys.getOrDefault(name, Set.of());
  }
}
