package dev.microscope.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.testkit.AlertmanagerServer;
import dev.microscope.testkit.Http;
import dev.microscope.testkit.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example Alertmanager's inhibitions, on a real Alertmanager. */
class InhibitionIT {
  @TempDir Path dir;

  @Test
  void aPageSilencesTheTicketsOfItsFleetOnly() {
    try (WebhookReceiver receiver = WebhookReceiver.start();
        AlertmanagerServer alertmanager =
            AlertmanagerServer.start(
                dir, AlertmanagerExample.pointedAt(dir, receiver.url(""), "token"))) {
      post(
          alertmanager,
          """
          [
            {"labels": {"alertname": "MicroscopeErrorBudgetBurnFast", "severity": "page",
                        "namespace": "shop", "fleet": "a"}},
            {"labels": {"alertname": "MicroscopeWorkerLying", "severity": "ticket",
                        "namespace": "shop", "fleet": "a", "worker": "a-1"}},
            {"labels": {"alertname": "MicroscopeWorkerLying", "severity": "ticket",
                        "namespace": "shop", "fleet": "b", "worker": "b-1"}},
            {"labels": {"alertname": "MicroscopeOperatorAbsent", "severity": "page"}},
            {"labels": {"alertname": "MicroscopeSLOMetricsAbsent", "severity": "ticket",
                        "namespace": "shop", "fleet": "c", "missing": "objective"}},
            {"labels": {"alertname": "MicroscopeSLOMetricsAbsent", "severity": "ticket",
                        "namespace": "shop", "fleet": "d", "missing": "requests"}}
          ]
          """);

      await("uninhibited tickets delivered to people")
          .atMost(Duration.ofMinutes(2))
          .untilAsserted(
              () ->
                  assertThat(bodies(receiver, "/people-ticket"))
                      .anyMatch(b -> b.contains("fleet shop/b"))
                      .anyMatch(b -> b.contains("fleet shop/d")));
      await("the operator's notifications")
          .atMost(Duration.ofMinutes(1))
          .untilAsserted(
              () ->
                  assertThat(bodies(receiver, "/alertmanager"))
                      .anyMatch(b -> b.contains("\"fleet\":\"b\""))
                      .anyMatch(b -> b.contains("MicroscopeErrorBudgetBurnFast")));

      assertThat(bodies(receiver, "/people-ticket"))
          .noneMatch(b -> b.contains("fleet shop/a"))
          .noneMatch(b -> b.contains("fleet shop/c"));
      assertThat(bodies(receiver, "/alertmanager"))
          .noneMatch(b -> b.contains("MicroscopeWorkerLying") && b.contains("\"fleet\":\"a\""))
          .noneMatch(b -> b.contains("\"fleet\":\"c\""));
      assertThat(bodies(receiver, "/people-page"))
          .anyMatch(b -> b.contains("MicroscopeErrorBudgetBurnFast"));
    }
  }

  private static void post(AlertmanagerServer alertmanager, String alerts) {
    HttpResponse<String> response =
        Http.send(
            HttpRequest.newBuilder(URI.create(alertmanager.url() + "/api/v2/alerts"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(alerts)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static List<String> bodies(WebhookReceiver receiver, String path) {
    return receiver.received().stream()
        .filter(r -> r.path().equals(path))
        .map(WebhookReceiver.Received::body)
        .toList();
  }
}
