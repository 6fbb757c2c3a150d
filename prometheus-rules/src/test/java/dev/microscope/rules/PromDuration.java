package dev.microscope.rules;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Prometheus durations such as {@code 6h10m} or {@code 3d}, in seconds. */
final class PromDuration {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w|y)");
  private static final Map<String, Double> SECONDS =
      Map.of(
          "ms",
          0.001,
          "s",
          1.0,
          "m",
          60.0,
          "h",
          3600.0,
          "d",
          86400.0,
          "w",
          604800.0,
          "y",
          31536000.0);

  private PromDuration() {}

  static double seconds(String duration) {
    if (duration == null || duration.isBlank()) {
      throw new IllegalArgumentException("empty duration");
    }
    Matcher m = PART.matcher(duration.trim());
    double total = 0;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        break;
      }
      total += Long.parseLong(m.group(1)) * SECONDS.get(m.group(2));
      end = m.end();
    }
    if (end != duration.trim().length()) {
      throw new IllegalArgumentException("not a Prometheus duration: " + duration);
    }
    return total;
  }
}
