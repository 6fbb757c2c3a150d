package dev.microscope.operator.prometheus;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fleet a query is about: the {@code namespace} and {@code fleet} labels its series carry
 * ({@code namespace="local"} in local mode).
 */
public record FleetScope(String namespace, String fleet) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$(fleet|namespace)\\b");

  public FleetScope {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(fleet, "fleet");
  }

  /** {@code metric{namespace="...",fleet="..."}}: series the workers export. */
  public Selector series(String metric) {
    return Selector.of(metric).eq("namespace", namespace).eq("fleet", fleet);
  }

  /**
   * {@code metric{namespace="..."}}: series Prometheus makes per scrape target ({@code up}, {@code
   * scrape_*}), which have no {@code fleet} label; joins narrow them to the fleet's targets.
   */
  public Selector targets(String metric) {
    return Selector.of(metric).eq("namespace", namespace);
  }

  /** Replaces {@code $fleet} and {@code $namespace} in a user's query with escaped values. */
  public String render(String template) {
    // One pass, so a value that itself contains "$fleet" is not substituted again.
    return PLACEHOLDER
        .matcher(template)
        .replaceAll(
            m -> Matcher.quoteReplacement(inner(m.group(1).equals("fleet") ? fleet : namespace)));
  }

  private static String inner(String value) {
    String quoted = PromQl.quote(value);
    return quoted.substring(1, quoted.length() - 1);
  }
}
