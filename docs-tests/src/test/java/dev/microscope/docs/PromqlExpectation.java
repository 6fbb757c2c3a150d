package dev.microscope.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microscope.testkit.Sample;
import java.util.Arrays;
import java.util.List;

/**
 * What a promql block's {@code # expect: } line promises about its answer. Every answer must be a
 * well-formed result whose values are numbers (not NaN); with no expect line, it must not be empty.
 *
 * <ul>
 *   <li>{@code non-empty}: at least one sample
 *   <li>{@code empty}: no sample (a query that finds nothing wrong)
 *   <li>{@code labels a, b}: every sample has these labels
 *   <li>{@code value >= x} (also {@code >}, {@code <=}, {@code <}): every sample's value
 * </ul>
 */
final class PromqlExpectation {
  private PromqlExpectation() {}

  static void check(List<Sample> samples, List<String> expects) {
    assertThat(samples)
        .as("values are numbers")
        .allSatisfy(s -> assertThat(s.value()).as("value of %s", s.labels()).isNotNaN());
    if (expects.isEmpty()) {
      assertThat(samples).as("answer").isNotEmpty();
    }
    for (String expect : expects) {
      checkOne(samples, expect);
    }
  }

  private static void checkOne(List<Sample> samples, String expect) {
    String[] words = expect.split("\\s+", 2);
    switch (words[0]) {
      case "non-empty" -> assertThat(samples).as(expect).isNotEmpty();
      case "empty" -> assertThat(samples).as(expect).isEmpty();
      case "labels" -> {
        assertThat(samples).as(expect).isNotEmpty();
        for (String label : Arrays.stream(words[1].split(",")).map(String::strip).toList()) {
          assertThat(samples).as(expect).allSatisfy(s -> assertThat(s.labels()).containsKey(label));
        }
      }
      case "value" -> {
        assertThat(samples).as(expect).isNotEmpty();
        String[] bound = words[1].strip().split("\\s+");
        double limit = Double.parseDouble(bound[1]);
        assertThat(samples)
            .as(expect)
            .allSatisfy(
                s ->
                    assertThat(compare(s.value(), bound[0], limit))
                        .as("%s %s", s.value(), words[1])
                        .isTrue());
      }
      default -> throw new IllegalArgumentException("unknown expectation: " + expect);
    }
  }

  private static boolean compare(double value, String op, double limit) {
    return switch (op) {
      case ">=" -> value >= limit;
      case ">" -> value > limit;
      case "<=" -> value <= limit;
      case "<" -> value < limit;
      default -> throw new IllegalArgumentException("unknown comparison: " + op);
    };
  }
}
