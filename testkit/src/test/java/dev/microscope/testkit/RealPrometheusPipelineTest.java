package dev.microscope.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness itself: a real Prometheus scrapes, evaluates a rule and alerts a real Alertmanager.
 */
class RealPrometheusPipelineTest {
  @TempDir Path dir;

  @Test
  void scrapesItselfAndDeliversAnAlertToAWebhook() throws Exception {
    Path rules = dir.resolve("rules.yml");
    Files.writeString(
        rules,
        """
        groups:
          - name: harness
            rules:
              - alert: HarnessAlwaysFiring
                expr: vector(1)
                labels: {severity: ticket}
                annotations: {summary: "harness"}
        """);
    try (WebhookReceiver webhook = WebhookReceiver.start();
        AlertmanagerServer alertmanager =
            AlertmanagerServer.start(
                dir.resolve("am"),
                """
                route:
                  receiver: hook
                  group_wait: 0s
                  group_interval: 1s
                receivers:
                  - name: hook
                    webhook_configs:
                      - url: "%s"
                """
                    .formatted(webhook.url("/hook")))) {
      PrometheusServer.Builder builder =
          PrometheusServer.builder(dir.resolve("prom"))
              .ruleFile(rules)
              .alertmanager(alertmanager.hostPort());
      int placeholderPort = FreePorts.next();
      builder.staticJob("absent", List.of("127.0.0.1:" + placeholderPort), Map.of("team", "x"));
      try (PrometheusServer prometheus = builder.start()) {
        prometheus.reload(
            builder
                .renderConfig()
                .replace("127.0.0.1:" + placeholderPort, "127.0.0.1:" + prometheus.port()));
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () -> assertThat(prometheus.value("up{job=\"absent\",team=\"x\"}")).isEqualTo(1.0));
        assertThat(prometheus.query("no_such_metric_anywhere")).isEmpty();

        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () ->
                    assertThat(webhook.received())
                        .anySatisfy(
                            r -> {
                              assertThat(r.path()).isEqualTo("/hook");
                              assertThat(r.body()).contains("HarnessAlwaysFiring", "firing");
                            }));
      }
    }
  }
}
