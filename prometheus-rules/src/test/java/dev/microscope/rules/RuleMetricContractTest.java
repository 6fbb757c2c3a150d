package dev.microscope.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Rules and dashboard name only metrics the exporters' contract tables list (docs/contract.md),
 * recording-rule outputs, or Prometheus' own series: rules and exporters stay in step.
 */
class RuleMetricContractTest {
  /** Series Prometheus itself writes. */
  private static final Set<String> PROMETHEUS_OWN =
      Set.of("up", "scrape_series_added", "scrape_samples_scraped", "ALERTS");

  private final ContractDocument contract = ContractDocument.read(ModuleFiles.contract());

  @Test
  void everyRuleNamesOnlyKnownMetrics() {
    Map<String, Set<String>> unknown = new LinkedHashMap<>();
    for (Rule rule : RuleFiles.load(ModuleFiles.ruleFiles())) {
      Set<String> names = unknownNames(rule.expr());
      if (!names.isEmpty()) {
        unknown.put(rule.file() + " " + rule.name(), names);
      }
    }
    assertThat(unknown).as("metrics not in docs/contract.md").isEmpty();
  }

  @Test
  void everyDashboardQueryNamesOnlyKnownMetrics() {
    JsonNode dashboard = GrafanaDashboard.read();
    Map<String, Set<String>> unknown = new LinkedHashMap<>();
    GrafanaDashboard.queries(dashboard)
        .forEach(
            (title, expr) -> {
              Set<String> names = unknownNames(expr);
              if (!names.isEmpty()) {
                unknown.put(title, names);
              }
            });
    assertThat(GrafanaDashboard.queries(dashboard)).isNotEmpty();
    assertThat(unknown).as("metrics not in docs/contract.md").isEmpty();
  }

  @Test
  void theCheckCatchesAMetricNoExporterHas() {
    assertThat(unknownNames("sum(rate(microscope_worker_requests_totl[5m]))"))
        .containsExactly("microscope_worker_requests_totl");
    assertThat(unknownNames("rate(microscope_worker_requests_total[5m])")).isEmpty();
    assertThat(
            unknownNames(
                "histogram_quantile(0.9, microscope_worker_request_duration_seconds_bucket)"))
        .isEmpty();
  }

  @Test
  void theContractListsEveryExporterTable() {
    assertThat(contract.exportedMetrics())
        .contains(
            "microscope_worker_requests_total",
            "microscope_loadgen_requests_total",
            "microscope_decisions_total",
            "microscope_fleet_slo_window_seconds",
            "process_resident_memory_bytes");
    assertThat(contract.isExported("jvm_memory_used_bytes")).isTrue();
    assertThat(contract.isExported("microscope_worker_request_duration_seconds_bucket")).isTrue();
    assertThat(contract.isExported("microscope_worker_requests_total_bucket")).isFalse();
  }

  @Test
  void metricNamesAreFoundInPromql() {
    assertThat(
            PromqlMetricNames.in(
                "sum by (namespace, le) (rate(a_total{x=\"b_total\"}[5m])) / on (x) group_left (y)"
                    + " b offset 5m > bool 1e3"))
        .containsExactly("a_total", "b");
    assertThat(PromqlMetricNames.in("label_replace(up == 1, \"le\", \"$1\", \"le\", \"(.+)\")"))
        .containsExactly("up");
    assertThat(PromqlMetricNames.in("min without (component) (x:y:z) # comment_metric"))
        .containsExactly("x:y:z");
    assertThat(PromqlMetricNames.in("clamp(1 - vector(0.5), 0, 1) or absent(c{fleet=\"$fleet\"})"))
        .containsExactly("c");
  }

  private Set<String> unknownNames(String expr) {
    Set<String> recorded = new TreeSet<>();
    RuleFiles.recordingRules().forEach(r -> recorded.add(r.record()));
    contract.recordingRules().forEach(r -> recorded.add(r.name()));
    Set<String> unknown = new TreeSet<>();
    for (String name : PromqlMetricNames.in(expr)) {
      if (!contract.isExported(name)
          && !recorded.contains(name)
          && !PROMETHEUS_OWN.contains(name)) {
        unknown.add(name);
      }
    }
    return unknown;
  }
}
