package dev.microscope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The optional monitoring objects: the ServiceMonitor keeps the operator's labels, the
 * PrometheusRules are the rule files, the ConfigMap is the dashboard, and Alertmanager's route
 * reaches the webhook with the token.
 */
class MonitoringObjectsTest {
  private static Rendered chart;

  @BeforeAll
  static void render() {
    chart = Chart.everyOption();
  }

  @Test
  void theServiceMonitorScrapesTheOperatorWithHonorLabels() {
    var monitor = chart.one("ServiceMonitor");
    assertThat(monitor.at("/metadata/namespace").asText()).isEqualTo("monitoring");
    assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
    assertThat(monitor.at("/spec/selector/matchLabels"))
        .isEqualTo(chart.one("Deployment").at("/spec/selector/matchLabels"));
    assertThat(monitor.at("/spec/namespaceSelector/matchNames/0").asText())
        .isEqualTo(Chart.NAMESPACE);
    var endpoint = monitor.at("/spec/endpoints/0");
    assertThat(endpoint.path("honorLabels").asBoolean()).isTrue();
    assertThat(endpoint.path("port").asText())
        .isEqualTo(chart.one("Service").at("/spec/ports/0/name").asText());
    assertThat(endpoint.path("path").asText()).isEqualTo("/metrics");
    assertThat(endpoint.path("interval").asText()).isEqualTo("15s");
    assertThat(endpoint.path("scrapeTimeout").asText()).isEqualTo("10s");
  }

  @Test
  void eachRuleFileIsOnePrometheusRuleWithTheSameGroups() throws IOException {
    var files = ChartFiles.list(ChartFiles.repository().resolve("prometheus-rules"), ".yml");
    assertThat(chart.all("PrometheusRule")).hasSize(files.size());
    for (Path file : files) {
      var name =
          "microscope-" + file.getFileName().toString().replace(".yml", "").replace('.', '-');
      var rule = chart.get("PrometheusRule", name);
      assertThat(rule.path("spec"))
          .as("PrometheusRule %s carries %s unchanged", name, file)
          .isEqualTo(Rendered.YAML.readTree(file.toFile()));
      assertThat(rule.at("/metadata/namespace").asText()).isEqualTo("monitoring");
      assertThat(rule.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus-stack");
      assertThat(rule.at("/metadata/labels/app.kubernetes.io~1component").asText())
          .isEqualTo("rules");
    }
  }

  @Test
  void theDashboardConfigMapHoldsTheDashboardByteForByte() {
    var dashboard =
        ChartFiles.repository().resolve("prometheus-rules/grafana/microscope-fleet.json");
    var map = chart.one("ConfigMap");
    assertThat(map.at("/data/microscope-fleet.json").asText())
        .isEqualTo(ChartFiles.read(dashboard));
    assertThat(map.at("/metadata/namespace").asText()).isEqualTo("grafana");
    assertThat(map.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
    assertThat(map.at("/metadata/annotations/grafana_folder").asText()).isEqualTo("Microscope");
  }

  @Test
  void alertmanagerRoutesMicroscopeAlertsToTheWebhookWithTheToken() {
    var config = chart.one("AlertmanagerConfig");
    var route = config.at("/spec/route");
    assertThat(route.path("receiver").asText()).isEqualTo("microscope-operator");
    assertThat(route.path("continue").asBoolean()).isTrue();
    assertThat(route.at("/matchers/0/name").asText()).isEqualTo("alertname");
    assertThat(route.at("/matchers/0/matchType").asText()).isEqualTo("=~");
    assertThat(route.at("/matchers/0/value").asText()).isEqualTo("Microscope.+");
    var webhook = config.at("/spec/receivers/0/webhookConfigs/0");
    assertThat(webhook.path("url").asText())
        .isEqualTo("http://microscope-operator." + Chart.NAMESPACE + ".svc:9096/alertmanager");
    var credentials = webhook.at("/httpConfig/authorization/credentials");
    assertThat(credentials.path("name").asText()).isEqualTo("alertmanager-webhook");
    assertThat(credentials.path("key").asText()).isEqualTo("bearer");
  }

  @Test
  void everyMonitoringObjectIsOffByDefault() {
    assertThat(Chart.defaults().kinds())
        .doesNotContain("ServiceMonitor", "PrometheusRule", "ConfigMap", "AlertmanagerConfig");
  }
}
