package dev.microscope.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscope.testkit.AlertmanagerServer;
import dev.microscope.testkit.FixtureExporter;
import dev.microscope.testkit.Http;
import dev.microscope.testkit.PrometheusServer;
import dev.microscope.testkit.WebhookReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus loads these rule files and scrapes a fixture exporter; an alert of these rules
 * reaches the operator's webhook and the people's chat webhook through the example Alertmanager.
 */
class AlertDeliveryIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RUNBOOK =
      "https://github.com/microscope-dev/microscope/blob/main/docs/runbooks.md";
  private static final Map<String, String> FLEET = Map.of("namespace", "shop", "fleet", "checkout");

  @TempDir Path dir;

  /** 20% 5xx on a 99% objective: a burn rate of 20, above the 14.4x page threshold. */
  @Test
  void aFastBurnPagesTheOperatorAndPeople() {
    String token = "token-" + UUID.randomUUID();
    Path amDir = dir.resolve("alertmanager");
    try (WebhookReceiver receiver = WebhookReceiver.start();
        FixtureExporter workers = fleetBurningTwentyTimesTooFast();
        FixtureExporter operator = operatorWithObjectives();
        AlertmanagerServer alertmanager =
            AlertmanagerServer.start(
                amDir, AlertmanagerExample.pointedAt(amDir, receiver.url(""), token));
        PrometheusServer prometheus = prometheus(workers, operator, alertmanager)) {
      await("both targets up")
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> assertThat(prometheus.targetHealth().values()).containsOnly("up").hasSize(2));

      WebhookReceiver.Received toOperator =
          awaitDelivery(receiver, "/alertmanager", "MicroscopeErrorBudgetBurnFast");
      assertThat(toOperator.authorization()).isEqualTo("Bearer " + token);
      JsonNode payload = json(toOperator.body());
      assertThat(payload.path("receiver").asText()).isEqualTo("microscope-operator");
      JsonNode alert = payload.path("alerts").get(0);
      assertThat(alert.path("status").asText()).isEqualTo("firing");
      assertThat(JSON.convertValue(alert.path("labels"), Map.class))
          .isEqualTo(
              Map.of(
                  "alertname", "MicroscopeErrorBudgetBurnFast",
                  "namespace", "shop",
                  "fleet", "checkout",
                  "severity", "page"));
      JsonNode annotations = alert.path("annotations");
      assertThat(annotations.path("summary").asText())
          .isEqualTo("Fleet shop/checkout burns its error budget at 20.0x");
      assertThat(annotations.path("description").asText())
          .contains("fleet checkout in namespace shop", "20.0 times as fast");
      assertThat(annotations.path("runbook_url").asText())
          .isEqualTo(RUNBOOK + "#microscopeerrorbudgetburnfast");

      WebhookReceiver.Received toPeople =
          awaitDelivery(receiver, "/people-page", "MicroscopeErrorBudgetBurnFast");
      JsonNode attachment = json(toPeople.body()).path("attachments").get(0);
      assertThat(attachment.path("title").asText())
          .isEqualTo("[FIRING:1] fleet shop/checkout: MicroscopeErrorBudgetBurnFast");
      assertThat(attachment.path("title_link").asText())
          .isEqualTo(RUNBOOK + "#microscopeerrorbudgetburnfast");
      assertThat(attachment.path("text").asText())
          .contains(
              "burns its error budget at 20.0x",
              "fleet shop/checkout",
              "Runbook: " + RUNBOOK + "#microscopeerrorbudgetburnfast");

      assertEveryRuleEvaluatesWithoutError(prometheus);
      assertEveryDashboardQueryRuns(prometheus);
    }
  }

  private static FixtureExporter fleetBurningTwentyTimesTooFast() {
    Map<String, String> worker =
        Map.of("fleet", "checkout", "worker", "w1", "endpoint", "/api/users");
    return FixtureExporter.start()
        .counter("microscope_worker_requests_total", with(worker, "code_class", "2xx"), 8)
        .counter("microscope_worker_requests_total", with(worker, "code_class", "5xx"), 2)
        .set(
            "microscope_worker_start_time_seconds",
            Map.of("fleet", "checkout", "worker", "w1"),
            1000);
  }

  private static FixtureExporter operatorWithObjectives() {
    return FixtureExporter.start()
        .set("microscope_fleet_slo_availability_objective", FLEET, 0.99)
        .set("microscope_fleet_slo_latency_objective", FLEET, 0.95)
        .set("microscope_fleet_slo_latency_threshold_seconds", FLEET, 0.3)
        .set("microscope_fleet_slo_window_seconds", FLEET, 2592000)
        .set("microscope_operator_build_info", Map.of("version", "test"), 1);
  }

  /** Workers' series get `namespace` from the target, the operator's own (honor_labels). */
  private PrometheusServer prometheus(
      FixtureExporter workers, FixtureExporter operator, AlertmanagerServer alertmanager) {
    PrometheusServer.Builder builder =
        PrometheusServer.builder(dir.resolve("prometheus")).alertmanager(alertmanager.hostPort());
    ModuleFiles.ruleFiles().forEach(builder::ruleFile);
    builder.rawScrapeConfig(
        """
          - job_name: workers
            static_configs:
              - targets: ["%s"]
                labels: {namespace: shop}
          - job_name: operator
            honor_labels: true
            static_configs:
              - targets: ["%s"]
        """
            .formatted(workers.hostPort(), operator.hostPort()));
    return builder.start();
  }

  private static WebhookReceiver.Received awaitDelivery(
      WebhookReceiver receiver, String path, String alertname) {
    return await(alertname + " delivered to " + path)
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> find(receiver, path, alertname), Optional::isPresent)
        .orElseThrow();
  }

  private static Optional<WebhookReceiver.Received> find(
      WebhookReceiver receiver, String path, String alertname) {
    return receiver.received().stream()
        .filter(r -> r.path().equals(path) && r.body().contains(alertname))
        .findFirst();
  }

  private static void assertEveryRuleEvaluatesWithoutError(PrometheusServer prometheus) {
    JsonNode groups = json(Http.get(prometheus.url() + "/api/v1/rules").body()).path("data");
    int rules = 0;
    for (JsonNode group : groups.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        rules++;
        assertThat(rule.path("health").asText())
            .as(rule.path("name").asText() + ": " + rule.path("lastError").asText())
            .isEqualTo("ok");
      }
    }
    assertThat(rules).isEqualTo(RuleFiles.load(ModuleFiles.ruleFiles()).size());
  }

  private static void assertEveryDashboardQueryRuns(PrometheusServer prometheus) {
    GrafanaDashboard.queries(GrafanaDashboard.read())
        .forEach(
            (title, expr) ->
                assertThat(
                        prometheus.queryData(GrafanaDashboard.forFleet(expr, "shop", "checkout")))
                    .as(title)
                    .isNotNull());
    assertThat(
            prometheus.value(
                GrafanaDashboard.forFleet(
                    "namespace_fleet:microscope_requests:rate5m{namespace=\"$namespace\",fleet=\"$fleet\"}",
                    "shop",
                    "checkout")))
        .isPositive();
  }

  private static Map<String, String> with(Map<String, String> labels, String key, String value) {
    Map<String, String> all = new java.util.LinkedHashMap<>(labels);
    all.put("method", "GET");
    all.put(key, value);
    return all;
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
