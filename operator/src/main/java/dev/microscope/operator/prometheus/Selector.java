package dev.microscope.operator.prometheus;

import java.util.ArrayList;
import java.util.List;

/**
 * An instant vector selector, {@code metric{label="value",...}}, with every value quoted by {@link
 * PromQl#quote}. Immutable: each matcher returns a new selector.
 */
public final class Selector {
  private final String metric;
  private final List<String> matchers;

  private Selector(String metric, List<String> matchers) {
    this.metric = metric;
    this.matchers = List.copyOf(matchers);
  }

  public static Selector of(String metric) {
    return new Selector(PromQl.metricName(metric), List.of());
  }

  public Selector eq(String label, String value) {
    return with(label, "=", PromQl.quote(value));
  }

  public Selector ne(String label, String value) {
    return with(label, "!=", PromQl.quote(value));
  }

  /**
   * A regular-expression matcher; {@code regex} is used as given (see {@link PromQl#regexLiteral}).
   */
  public Selector re(String label, String regex) {
    return with(label, "=~", PromQl.quote(regex));
  }

  private Selector with(String label, String op, String quoted) {
    List<String> copy = new ArrayList<>(matchers);
    copy.add(PromQl.labelName(label) + op + quoted);
    return new Selector(metric, copy);
  }

  /** A range vector selector over {@code range}, e.g. {@code [5m]}. */
  public String range(java.time.Duration range) {
    return this + "[" + PromQl.duration(range) + "]";
  }

  @Override
  public String toString() {
    return matchers.isEmpty() ? metric : metric + "{" + String.join(",", matchers) + "}";
  }
}
