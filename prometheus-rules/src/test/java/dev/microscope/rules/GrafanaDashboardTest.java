package dev.microscope.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fleet dashboard: one fleet chosen by namespace and fleet, every panel scoped to it. */
class GrafanaDashboardTest {
  private final JsonNode dashboard = GrafanaDashboard.read();

  @Test
  void hasNamespaceAndFleetVariables() {
    List<String> variables = new ArrayList<>();
    dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));

    assertThat(variables).contains("datasource", "namespace", "fleet");
  }

  @Test
  void everyQueryIsScopedToTheChosenFleet() {
    assertThat(GrafanaDashboard.queries(dashboard))
        .isNotEmpty()
        .allSatisfy(
            (title, expr) ->
                assertThat(expr)
                    .as(title)
                    .contains("namespace=\"$namespace\"", "fleet=\"$fleet\""));
  }

  @Test
  void showsRedSloChaosDecisionsAndWorkers() {
    String queries = String.join("\n", GrafanaDashboard.queries(dashboard).values());

    assertThat(queries)
        .contains(
            "namespace_fleet:microscope_requests:rate5m",
            "namespace_fleet:microscope_requests_errors_per_requests:ratio_rate5m",
            "histogram_quantile_rate5m",
            "namespace_fleet:microscope_availability_error_budget_burn:ratio_rate1h",
            "namespace_fleet:microscope_availability_error_budget_remaining:ratio",
            "namespace_fleet:microscope_chaos_level:ratio",
            "namespace_fleet:microscope_chaos_tolerance:score",
            "microscope_decisions_total",
            "namespace_fleet_instance_worker:microscope_worker_health:score");
  }

  @Test
  void panelIdsAreUnique() {
    Set<Integer> ids = new HashSet<>();
    dashboard
        .path("panels")
        .forEach(p -> assertThat(ids.add(p.path("id").asInt())).as("panel id " + p).isTrue());
  }
}
