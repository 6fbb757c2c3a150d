package dev.microscope.operator.api.v1alpha1;

import java.time.Duration;
import java.util.regex.Pattern;

/** Durations in the spec are written the Prometheus way: {@code 30s}, {@code 5m}, {@code 1h30m}. */
public final class Durations {
  /** Schema pattern of every duration field. */
  public static final String PATTERN = "^([0-9]+(ms|s|m|h|d|w))+$";

  private static final Pattern PART = Pattern.compile("([0-9]+)(ms|s|m|h|d|w)");

  private Durations() {}

  /**
   * Parses a duration such as {@code 1h30m}.
   *
   * @throws IllegalArgumentException when the text is not a duration
   */
  public static Duration parse(String text) {
    if (text == null || !text.matches(PATTERN)) {
      throw new IllegalArgumentException("not a duration (e.g. 30s, 5m, 1h30m): " + text);
    }
    var matcher = PART.matcher(text);
    var total = Duration.ZERO;
    while (matcher.find()) {
      long n = Long.parseLong(matcher.group(1));
      total =
          total.plus(
              switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
              });
    }
    return total;
  }
}
