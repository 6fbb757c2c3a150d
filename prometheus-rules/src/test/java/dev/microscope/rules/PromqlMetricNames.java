package dev.microscope.rules;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects. Not a full parser: it removes what cannot be a
 * metric name (strings, label matchers, ranges, grouping label lists, comments), then keeps every
 * identifier that is neither a keyword nor called like a function.
 */
final class PromqlMetricNames {
  private static final Pattern COMMENT = Pattern.compile("#[^\\n]*");
  private static final Pattern STRING =
      Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
  private static final Pattern LABEL_LIST =
      Pattern.compile(
          "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "offset",
          "inf",
          "nan",
          "start",
          "end");

  private PromqlMetricNames() {}

  static Set<String> in(String expr) {
    String text = COMMENT.matcher(expr).replaceAll(" ");
    text = STRING.matcher(text).replaceAll(" ");
    text = MATCHERS.matcher(text).replaceAll(" ");
    text = RANGE.matcher(text).replaceAll(" ");
    text = LABEL_LIST.matcher(text).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(text);
    while (m.find()) {
      if (startsWithinNumber(text, m.start())) {
        continue;
      }
      String word = m.group();
      if (KEYWORDS.contains(word.toLowerCase(java.util.Locale.ROOT)) || isCall(text, m.end())) {
        continue;
      }
      names.add(word);
    }
    return names;
  }

  /** Identifiers glued to a digit are parts of numbers or durations (1e3, 5m, 0x1f). */
  private static boolean startsWithinNumber(String text, int start) {
    return start > 0
        && (Character.isDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '.');
  }

  private static boolean isCall(String text, int end) {
    int i = end;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i < text.length() && text.charAt(i) == '(';
  }
}
