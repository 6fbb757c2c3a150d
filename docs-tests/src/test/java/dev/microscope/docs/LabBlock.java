package dev.microscope.docs;

import java.util.List;

/**
 * A fenced block of a lab page marked runnable: {@code ```sh runnable needs=prometheus timeout=60}.
 * Its {@code # expect: } lines are what the text promises about the output.
 *
 * @param source page and line, for messages
 * @param language {@code sh} (run with bash) or {@code promql} (queried)
 * @param needs what must run first: {@code none}, {@code promtool}, {@code worker}, {@code
 *     prometheus} or {@code local}
 * @param timeoutSeconds how long the block may take
 * @param code the block without its expect lines
 * @param expects the text after each {@code # expect: }
 */
record LabBlock(
    String source,
    String language,
    String needs,
    int timeoutSeconds,
    String code,
    List<String> expects) {

  static final List<String> NEEDS = List.of("none", "promtool", "worker", "prometheus", "local");

  @Override
  public String toString() {
    return source + " (" + language + ", needs " + needs + ")";
  }
}
