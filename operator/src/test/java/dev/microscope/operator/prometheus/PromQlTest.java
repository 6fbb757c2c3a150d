package dev.microscope.operator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromQlTest {
  @Test
  void quotingEscapesEverythingThatCouldEndOrBendTheString() {
    assertThat(PromQl.quote("plain")).isEqualTo("\"plain\"");
    assertThat(PromQl.quote("a\"b")).isEqualTo("\"a\\\"b\"");
    assertThat(PromQl.quote("a\\b")).isEqualTo("\"a\\\\b\"");
    assertThat(PromQl.quote("a\nb\rc\td")).isEqualTo("\"a\\nb\\rc\\td\"");
    assertThat(PromQl.quote("bell\u0007del\u007f")).isEqualTo("\"bell\\u0007del\\u007f\"");
    assertThat(PromQl.quote("ünï ✓ 🙂")).isEqualTo("\"ünï ✓ 🙂\"");
    assertThat(PromQl.quote("x\"} or vector(1) #")).isEqualTo("\"x\\\"} or vector(1) #\"");
  }

  @Test
  void anUnpairedSurrogateIsNotAValidLabelValue() {
    assertThatThrownBy(() -> PromQl.quote("bad\uD800"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired surrogate at index 3");
  }

  @Test
  void selectorsCheckNamesAndQuoteValues() {
    assertThat(Selector.of("up").toString()).isEqualTo("up");
    assertThat(
            Selector.of("x_total")
                .eq("fleet", "a\"b")
                .ne("code", "5xx")
                .re("le", "0\\.3")
                .toString())
        .isEqualTo("x_total{fleet=\"a\\\"b\",code!=\"5xx\",le=~\"0\\\\.3\"}");
    assertThat(Selector.of("x").eq("a", "b").range(Duration.ofMinutes(5)))
        .isEqualTo("x{a=\"b\"}[5m]");
    assertThatThrownBy(() -> Selector.of("x").eq("bad-label", "v"))
        .hasMessage("not a valid label name: 'bad-label'");
    assertThatThrownBy(() -> Selector.of("x{}")).hasMessage("not a valid metric name: 'x{}'");
  }

  @Test
  void regexLiteralsMatchOnlyTheLiteral() {
    assertThat(PromQl.regexLiteral("a.b*c|d")).isEqualTo("a\\.b\\*c\\|d");
    assertThat(PromQl.bucketRegex(1)).isEqualTo("1|1\\.0");
    assertThat(PromQl.bucketRegex(0.3)).isEqualTo("0\\.3");
    assertThat(PromQl.bucketRegex(10)).isEqualTo("10|10\\.0");
    assertThatThrownBy(() -> PromQl.bucketRegex(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "PT5M,5m",
    "PT30M,30m",
    "PT1H,1h",
    "PT24H,1d",
    "PT72H,3d",
    "PT720H,30d",
    "PT90S,90s",
    "PT1.5S,1500ms"
  })
  void durationsUseTheLargestWholeUnit(Duration duration, String expected) {
    assertThat(PromQl.duration(duration)).isEqualTo(expected);
  }

  @Test
  void numbersHaveNoFloatNoise() {
    assertThat(PromQl.oneMinus(0.99)).isEqualTo("0.01");
    assertThat(PromQl.oneMinus(0.999)).isEqualTo("0.001");
    assertThat(PromQl.number(0.3)).isEqualTo("0.3");
    assertThat(PromQl.number(2.0)).isEqualTo("2");
  }

  @Test
  void placeholdersInUserQueriesAreReplacedOnceWithEscapedValues() {
    FleetScope scope = new FleetScope("ns\"1", "$namespace");
    assertThat(scope.render("x{fleet=\"$fleet\",namespace=\"$namespace\"}"))
        .isEqualTo("x{fleet=\"$namespace\",namespace=\"ns\\\"1\"}");
    assertThat(scope.render("x{a=\"$fleets\"}")).isEqualTo("x{a=\"$fleets\"}");
  }
}
