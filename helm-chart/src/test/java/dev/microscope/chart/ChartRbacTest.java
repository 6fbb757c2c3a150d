package dev.microscope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chart grants exactly the rules of files/operator-rbac.yaml, in the scope each belongs to.
 * What the operator calls is checked against that file by the operator module's OperatorRbacTest.
 */
class ChartRbacTest {
  private static final RbacRules RULES = RbacRules.load();

  @Test
  void watchingAllNamespacesOneClusterRoleGrantsEverything() {
    var chart = Chart.defaults();
    var clusterRole = chart.one("ClusterRole");
    assertThat(clusterRole.at("/metadata/name").asText())
        .isEqualTo("microscope-operator-" + Chart.NAMESPACE);
    assertThat(clusterRole.path("rules")).isEqualTo(concat(RULES.cluster(), RULES.fleets()));
    assertBoundToTheOperator(chart.one("ClusterRoleBinding"), "ClusterRole", clusterRole);
    assertThat(chart.all("Role")).isEmpty();
    assertThat(chart.all("RoleBinding")).isEmpty();
  }

  @Test
  void watchingListedNamespacesEachGetsARoleAndTheClusterRoleOnlyLooksUpCrds() {
    var chart = Chart.everyOption();
    var clusterRole = chart.one("ClusterRole");
    assertThat(clusterRole.path("rules")).isEqualTo(RULES.cluster());
    assertBoundToTheOperator(chart.one("ClusterRoleBinding"), "ClusterRole", clusterRole);
    for (var ns : List.of("team-a", "team-b")) {
      var role = inNamespace(chart.all("Role"), ns);
      assertThat(role.at("/metadata/name").asText()).isEqualTo("microscope-operator");
      assertThat(role.path("rules")).isEqualTo(RULES.fleets());
      assertBoundToTheOperator(inNamespace(chart.all("RoleBinding"), ns), "Role", role);
    }
  }

  @Test
  void leaderElectionHasItsLeaseRoleInTheReleaseNamespaceOnly() {
    var chart = Chart.everyOption();
    var role = chart.get("Role", "microscope-operator-leader-election");
    assertThat(role.at("/metadata/namespace").asText()).isEqualTo(Chart.NAMESPACE);
    assertThat(role.path("rules")).isEqualTo(RULES.leaderElection());
    assertBoundToTheOperator(
        chart.get("RoleBinding", "microscope-operator-leader-election"), "Role", role);
    assertThat(Chart.defaults().all("Role")).as("no lease without leader election").isEmpty();
  }

  @Test
  void noRbacObjectHasAWildcard() {
    for (var chart : List.of(Chart.defaults(), Chart.everyOption())) {
      for (var kind : List.of("ClusterRole", "Role")) {
        for (var role : chart.all(kind)) {
          assertThat(wildcards(role.path("rules")))
              .as("%s %s", kind, role.at("/metadata/name").asText())
              .isEmpty();
          assertThat(role.has("aggregationRule")).isFalse();
        }
      }
    }
    assertThat(wildcards(concat(concat(RULES.fleets(), RULES.cluster()), RULES.leaderElection())))
        .isEmpty();
  }

  @Test
  void theWildcardCheckFindsOne() {
    var rules = Rendered.YAML.createArrayNode();
    rules.addObject().putArray("verbs").add("get").add("*");
    assertThat(wildcards(rules)).containsExactly("verbs: *");
  }

  @Test
  void rbacCanBeLeftToTheCluster() {
    var chart = Chart.render(Map.of("rbac.create", false));
    assertThat(chart.kinds()).doesNotContain("ClusterRole", "ClusterRoleBinding", "Role");
  }

  private static List<String> wildcards(JsonNode rules) {
    var found = new ArrayList<String>();
    for (var rule : rules) {
      rule.fields()
          .forEachRemaining(
              f ->
                  f.getValue()
                      .forEach(
                          v -> {
                            if (v.asText().contains("*")) {
                              found.add(f.getKey() + ": " + v.asText());
                            }
                          }));
    }
    return found;
  }

  private static void assertBoundToTheOperator(JsonNode binding, String kind, JsonNode role) {
    assertThat(binding.at("/roleRef/kind").asText()).isEqualTo(kind);
    assertThat(binding.at("/roleRef/name").asText()).isEqualTo(role.at("/metadata/name").asText());
    assertThat(binding.path("subjects")).hasSize(1);
    var subject = binding.at("/subjects/0");
    assertThat(subject.path("kind").asText()).isEqualTo("ServiceAccount");
    assertThat(subject.path("namespace").asText()).isEqualTo(Chart.NAMESPACE);
    assertThat(subject.path("name").asText()).isIn("microscope-operator", "microscope-sa");
    if (role.at("/metadata/namespace").isTextual()) {
      assertThat(binding.at("/metadata/namespace").asText())
          .isEqualTo(role.at("/metadata/namespace").asText());
    }
  }

  private static JsonNode inNamespace(List<JsonNode> objects, String namespace) {
    return objects.stream()
        .filter(o -> namespace.equals(o.at("/metadata/namespace").asText()))
        .filter(o -> !o.at("/metadata/name").asText().endsWith("-leader-election"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("nothing in namespace " + namespace));
  }

  private static ArrayNode concat(JsonNode a, JsonNode b) {
    var all = Rendered.YAML.createArrayNode();
    a.forEach(all::add);
    b.forEach(all::add);
    return all;
  }
}
