package dev.microscope.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every recording rule is checked against expected values, and every alert is shown silent one
 * evaluation before its {@code for} runs out and firing at it, with labels and annotations.
 */
class RuleTestCoverageTest {
  /** One alert_rule_test entry, with its file's evaluation step. */
  record AlertCheck(String alert, double evalSeconds, double stepSeconds, JsonNode expected) {}

  @Test
  void everyRecordingRuleHasExpectedValues() {
    Set<String> checked = new TreeSet<>();
    forEachTestGroup(
        (file, group) -> {
          for (JsonNode check : group.path("promql_expr_test")) {
            if (!check.path("exp_samples").isEmpty()) {
              checked.addAll(PromqlMetricNames.in(check.path("expr").asText()));
            }
          }
        });
    Set<String> recorded = new TreeSet<>();
    RuleFiles.recordingRules().forEach(r -> recorded.add(r.record()));

    assertThat(recorded).isNotEmpty();
    assertThat(checked).as("recording rules without a promql_expr_test").containsAll(recorded);
  }

  @Test
  void everyAlertIsSilentJustBeforeItsForAndFiresAtIt() {
    List<AlertCheck> checks = alertChecks();
    for (Rule alert : RuleFiles.alerts()) {
      List<AlertCheck> firing =
          checks.stream()
              .filter(c -> c.alert().equals(alert.alert()) && !c.expected().isEmpty())
              .toList();
      assertThat(firing).as("a firing test of " + alert.alert()).isNotEmpty();
      assertThat(firing)
          .as("%s: silent one evaluation before a firing test", alert.alert())
          .anySatisfy(
              f ->
                  assertThat(checks)
                      .anyMatch(
                          s ->
                              s.alert().equals(f.alert())
                                  && s.expected().isEmpty()
                                  && s.evalSeconds() == f.evalSeconds() - f.stepSeconds()));
      for (AlertCheck f : firing) {
        for (JsonNode expected : f.expected()) {
          assertThat(expected.path("exp_labels").has("severity"))
              .as(alert.alert() + " expects its severity")
              .isTrue();
          assertThat(iterable(expected.path("exp_annotations").fieldNames()))
              .as(alert.alert() + " expects every annotation")
              .containsAll(alert.annotations().keySet());
        }
      }
    }
  }

  private static List<AlertCheck> alertChecks() {
    List<AlertCheck> checks = new ArrayList<>();
    forEachTestGroup(
        (file, group) -> {
          double step =
              PromDuration.seconds(
                  RuleFiles.readYaml(file).path("evaluation_interval").asText("1m"));
          for (JsonNode check : group.path("alert_rule_test")) {
            checks.add(
                new AlertCheck(
                    check.path("alertname").asText(),
                    PromDuration.seconds(check.path("eval_time").asText()),
                    step,
                    check.path("exp_alerts")));
          }
        });
    return checks;
  }

  private interface GroupVisitor {
    void visit(Path file, JsonNode group);
  }

  private static void forEachTestGroup(GroupVisitor visitor) {
    for (Path file : ModuleFiles.promtoolTests()) {
      for (JsonNode group : RuleFiles.readYaml(file).path("tests")) {
        visitor.visit(file, group);
      }
    }
  }

  private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
    List<T> list = new ArrayList<>();
    iterator.forEachRemaining(list::add);
    return list;
  }
}
