package dev.microscope.operator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.microscope.testkit.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The liar score the operator computes itself (the raw expression of {@link LiarScoreQuery}, used
 * where Prometheus has no recording rules) equals what prometheus-rules/workers.rules.yml records:
 * promtool evaluates the raw expression on the input series of prometheus-rules/tests/
 * liar_test.yml and must find the same hand-computed values that test expects of the rules, by
 * worker (the raw expression has no {@code instance}).
 */
class LiarScoreParityTest {
  private static final Path RULES =
      Path.of(System.getProperty("microscope.repositoryRoot", ".."))
          .toAbsolutePath()
          .normalize()
          .resolve("prometheus-rules");
  private static final Path LIAR_TEST = RULES.resolve("tests/liar_test.yml");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_]\\w*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final YAMLMapper YAML = new YAMLMapper();

  private final LiarScoreQuery query = new LiarScoreQuery(new FleetScope("shop", "checkout"));

  @Test
  void theRawExpressionGivesTheValuesTheRecordingRulesAreTestedFor(@TempDir Path dir)
      throws IOException {
    JsonNode original = YAML.readTree(LIAR_TEST.toFile());
    JsonNode group = original.path("tests").get(0);
    Expected expected = Expected.from(group);
    assertThat(expected.components.size())
        .as("component samples in " + LIAR_TEST)
        .isGreaterThan(10);
    assertThat(expected.scores.size()).as("scores in " + LIAR_TEST).isGreaterThan(5);

    ObjectNode test = group.deepCopy();
    ArrayNode checks = test.putArray("promql_expr_test");
    check(checks, query.raw(), expected.evalTime, expected.components);
    // the operator's whole query: the rules' series (loaded below) win, by worker
    check(checks, query.query(), expected.evalTime, expected.components);
    check(
        checks,
        "max by (namespace, fleet, worker) (" + query.raw() + ")",
        expected.evalTime,
        expected.scores);
    ObjectNode file = original.deepCopy();
    ArrayNode ruleFiles = file.putArray("rule_files");
    original
        .path("rule_files")
        .forEach(
            f -> ruleFiles.add(LIAR_TEST.getParent().resolve(f.asText()).normalize().toString()));
    file.putArray("tests").add(test);
    Path generated = dir.resolve("liar_parity_test.yml");
    YAML.writeValue(generated.toFile(), file);

    ExternalTool.Result result =
        ExternalTool.run(dir, "promtool", "test", "rules", generated.toString());

    assertThat(result.exitCode()).as(result.output() + "\n" + Files.readString(generated)).isZero();
    assertThat(result.output()).contains("SUCCESS").doesNotContain("FAILED");
  }

  private static void check(
      ArrayNode checks, String expr, String evalTime, Map<String, Double> samples) {
    ObjectNode check = checks.addObject();
    check.put("expr", "round(" + expr + ", 0.000001)");
    check.put("eval_time", evalTime);
    ArrayNode exp = check.putArray("exp_samples");
    samples.forEach((labels, value) -> exp.addObject().put("labels", labels).put("value", value));
  }

  /** The rule test's expected samples, by worker: component samples and scores. */
  private record Expected(
      String evalTime, Map<String, Double> components, Map<String, Double> scores) {
    static Expected from(JsonNode group) {
      Map<String, Double> components = new LinkedHashMap<>();
      Map<String, Double> scores = new LinkedHashMap<>();
      String evalTime = null;
      for (JsonNode check : group.path("promql_expr_test")) {
        String expr = check.path("expr").asText();
        Map<String, Double> into =
            expr.contains(RecordingRules.WORKER_LIAR_COMPONENT)
                ? components
                : expr.contains("microscope_worker_liar:score") ? scores : null;
        if (into == null) {
          continue;
        }
        if (evalTime != null) {
          assertThat(check.path("eval_time").asText()).as("one eval_time").isEqualTo(evalTime);
        }
        evalTime = check.path("eval_time").asText();
        for (JsonNode sample : check.path("exp_samples")) {
          into.put(
              withoutInstance(sample.path("labels").asText()), sample.path("value").asDouble());
        }
      }
      return new Expected(evalTime, components, scores);
    }

    private static String withoutInstance(String labels) {
      StringBuilder out = new StringBuilder("{");
      Matcher m = LABEL.matcher(labels);
      while (m.find()) {
        if (!m.group(1).equals("instance") && !m.group(1).equals("__name__")) {
          out.append(out.length() > 1 ? "," : "").append(m.group());
        }
      }
      return out.append('}').toString();
    }
  }
}
