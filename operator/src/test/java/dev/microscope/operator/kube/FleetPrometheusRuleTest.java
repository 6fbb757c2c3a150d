package dev.microscope.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.testkit.ExternalTool;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PrometheusRule a fleet gets: the rule group of docs/contract.md ("A fleet's own rule group")
 * for that fleet, accepted by promtool, and for a 7d / 99.9% fleet the very group whose burn rates
 * prometheus-rules/tests/fleet_rule_test.yml checks together with the static rules.
 */
class FleetPrometheusRuleTest {
  private static final Path REPOSITORY =
      Path.of(System.getProperty("microscope.repositoryRoot", "..")).toAbsolutePath().normalize();
  private static final Path SEVEN_DAY_GROUP =
      REPOSITORY.resolve("prometheus-rules/tests/fleet/shop-checkout-7d.rules.yml");
  private static final YAMLMapper YAML = new YAMLMapper();

  private final FleetPrometheusRule dependent = new FleetPrometheusRule();

  @Test
  void theGroupIsTheContractsTemplateForTheFleet() throws IOException {
    PrometheusRule rule = dependent.desired(TestFleets.plan(TestFleets.fleet("demo"), false));

    assertThat(rule.getMetadata().getName()).isEqualTo("demo-slo");
    assertThat(rule.getMetadata().getNamespace()).isEqualTo("team-a");
    assertThat(rule.getMetadata().getLabels())
        .containsEntry(Labels.INSTANCE, "demo")
        .containsEntry(Labels.COMPONENT, "slo")
        .containsEntry(Labels.MANAGED_BY, Labels.OPERATOR);
    var group = rule.getSpec().getGroups().get(0);
    assertThat(rule.getSpec().getGroups()).hasSize(1);
    assertThat(group.getName()).isEqualTo("microscope-fleet-team-a-demo");
    List<Map<String, Object>> template = contractTemplate("team-a", "demo");
    assertThat(group.getRules()).hasSameSizeAs(template);
    for (int i = 0; i < template.size(); i++) {
      Rule actual = group.getRules().get(i);
      Map<String, Object> expected = template.get(i);
      assertThat(actual.getRecord()).isEqualTo(expected.get("record"));
      assertThat(oneLine(actual.getExpr().getStrVal()))
          .as(actual.getRecord())
          .isEqualTo(oneLine((String) expected.get("expr")));
      assertThat(actual.getLabels()).isEqualTo(expected.get("labels"));
      assertThat(actual.getAlert()).isNull();
    }
  }

  @Test
  void theSpecSloBecomesLiteralValues() {
    ChaosFleet fleet = TestFleets.fleet("demo");
    fleet.getSpec().getSlo().setAvailability(0.995);
    fleet.getSpec().getSlo().setLatencyObjective(0.9);
    fleet.getSpec().getSlo().setLatencyThreshold("2500ms");
    fleet.getSpec().getSlo().setWindow("1h30m");

    var rules =
        dependent.desired(TestFleets.plan(fleet, false)).getSpec().getGroups().get(0).getRules();

    assertThat(rules)
        .extracting(r -> r.getExpr().getStrVal())
        .startsWith("vector(1)", "vector(0.995)", "vector(0.9)", "vector(2.5)", "vector(5400)");
    assertThat(rules.get(5).getExpr().getStrVal()).contains("[90m]").doesNotContain("[30d]");
  }

  @Test
  void promtoolAcceptsTheRenderedGroup(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("fleet.rules.yml");
    Files.writeString(file, rendered(TestFleets.fleet("demo")));

    ExternalTool.Result result =
        ExternalTool.run(dir, "promtool", "check", "rules", file.toString());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS: 7 rules found");
  }

  /** The group the promtool test of prometheus-rules loads is what the operator generates. */
  @Test
  void aSevenDayFleetGetsTheGroupThePromtoolTestChecks() throws IOException {
    ChaosFleet fleet = TestFleets.fleet("checkout");
    fleet.getMetadata().setNamespace("shop");
    fleet.getSpec().getSlo().setAvailability(0.999);
    fleet.getSpec().getSlo().setWindow("7d");

    assertThat(YAML.readTree(rendered(fleet))).isEqualTo(YAML.readTree(SEVEN_DAY_GROUP.toFile()));
  }

  /** The PrometheusRule's group as a Prometheus rule file. */
  private String rendered(ChaosFleet fleet) throws IOException {
    var group = dependent.desired(TestFleets.plan(fleet, false)).getSpec().getGroups();
    return YAML.writeValueAsString(Map.of("groups", group));
  }

  /** The YAML block of the contract's section, for namespace NS and fleet F. */
  private static List<Map<String, Object>> contractTemplate(String namespace, String fleet)
      throws IOException {
    String contract = Files.readString(REPOSITORY.resolve("docs/contract.md"));
    var block =
        Pattern.compile("### A fleet's own rule group.*?```yaml\\n(.*?)```", Pattern.DOTALL)
            .matcher(contract);
    assertThat(block.find()).as("the rule group in docs/contract.md").isTrue();
    String yaml =
        block
            .group(1)
            .replace("namespace=\"NS\"", "namespace=\"" + namespace + "\"")
            .replace("fleet=\"F\"", "fleet=\"" + fleet + "\"")
            .replace(
                "{namespace: NS, fleet: F}",
                "{namespace: " + namespace + ", fleet: " + fleet + "}");
    return YAML.readValue(yaml, new TypeReference<>() {});
  }

  private static String oneLine(String expr) {
    return expr.trim().replaceAll("\\s+", " ");
  }
}
