package dev.microscope.operator.prometheus;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The pieces of PromQL the operator writes itself: quoted label values, checked names, regular
 * expressions matching a literal, range durations and numbers. Every value the operator puts into a
 * query goes through {@link #quote}, so a fleet named {@code a"} or {@code b\} or one with a
 * newline selects exactly that fleet and cannot change the query.
 */
public final class PromQl {
  private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
  private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final String REGEX_META = "\\.+*?()|[]{}^$";

  private PromQl() {}

  /** A double-quoted PromQL string literal holding exactly {@code value}. */
  public static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      if (Character.isSurrogate((char) cp)) {
        throw new IllegalArgumentException(
            "label value has an unpaired surrogate at index " + i + ": not valid UTF-8");
      }
      i += Character.charCount(cp);
      switch (cp) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (cp < 0x20 || cp == 0x7f) {
            out.append(String.format("\\u%04x", cp));
          } else {
            out.appendCodePoint(cp);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** {@code name} if it is a valid label name; an error naming it otherwise. */
  public static String labelName(String name) {
    if (name == null || !LABEL_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a valid label name: '" + name + "'");
    }
    return name;
  }

  /** {@code name} if it is a valid metric name; an error naming it otherwise. */
  public static String metricName(String name) {
    if (name == null || !METRIC_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a valid metric name: '" + name + "'");
    }
    return name;
  }

  /** A regular expression (RE2, fully anchored by Prometheus) matching exactly {@code literal}. */
  public static String regexLiteral(String literal) {
    StringBuilder out = new StringBuilder();
    literal
        .codePoints()
        .forEach(
            cp -> {
              if (cp < 0x80 && REGEX_META.indexOf(cp) >= 0) {
                out.append('\\');
              }
              out.appendCodePoint(cp);
            });
    return out.toString();
  }

  /**
   * A regular expression matching the {@code le} label of the bucket with upper bound {@code
   * bound}, however the exporter wrote it ({@code 1} or {@code 1.0}, {@code 0.3} or {@code 0.30}).
   */
  public static String bucketRegex(double bound) {
    if (!(bound > 0) || Double.isInfinite(bound)) {
      throw new IllegalArgumentException("a bucket bound must be a positive number, got " + bound);
    }
    Set<String> forms = new LinkedHashSet<>();
    forms.add(number(bound));
    forms.add(Double.toString(bound));
    return String.join("|", forms.stream().map(PromQl::regexLiteral).toList());
  }

  /** A range duration as PromQL writes it, in the largest unit that divides it: 5m, 1h, 30d. */
  public static String duration(Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("a range must be positive, got " + d);
    }
    long ms = d.toMillis();
    long[] units = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
    String[] names = {"d", "h", "m", "s"};
    for (int i = 0; i < units.length; i++) {
      if (ms % units[i] == 0) {
        return ms / units[i] + names[i];
      }
    }
    return ms + "ms";
  }

  /** A number literal without float noise: 0.01, not 0.010000000000000009. */
  public static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** {@code aggregation by (labels) (expr)}, e.g. {@code max by (namespace, fleet) (x)}. */
  public static String by(String aggregation, String labels, String expr) {
    return aggregation + " by (" + labels + ") (" + expr + ")";
  }

  /** {@code function(arguments...)}. */
  public static String call(String function, String... arguments) {
    return function + "(" + String.join(", ", arguments) + ")";
  }

  /** {@code 1 - value} as an exact decimal literal (an error budget from an objective). */
  public static String oneMinus(double value) {
    return BigDecimal.ONE.subtract(BigDecimal.valueOf(value)).stripTrailingZeros().toPlainString();
  }
}
