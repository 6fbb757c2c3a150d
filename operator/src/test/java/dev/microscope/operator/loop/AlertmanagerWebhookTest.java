package dev.microscope.operator.loop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscope.operator.observability.HealthServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /alertmanager} on the operator's HTTP server: auth, bad bodies, what it triggers. */
class AlertmanagerWebhookTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final String TOKEN = "s3cret-token";

  @TempDir Path dir;
  private final Map<FleetRef, List<String>> triggered = new LinkedHashMap<>();
  private final Set<FleetRef> known =
      Set.of(new FleetRef("team-a", "demo"), new FleetRef("team-b", "other"));
  private HealthServer server;

  private void start(Optional<WebhookToken> token) throws IOException {
    AlertSink sink =
        (fleet, names) -> {
          if (!known.contains(fleet)) {
            return false;
          }
          triggered.computeIfAbsent(fleet, k -> new ArrayList<>()).addAll(names);
          return true;
        };
    server =
        HealthServer.start(
            new InetSocketAddress("127.0.0.1", 0),
            () -> "",
            () -> true,
            () -> true,
            Map.of("/alertmanager", new AlertmanagerWebhook(token, sink)));
  }

  private Path tokenFile(String token) throws IOException {
    var file = dir.resolve("token");
    Files.writeString(file, token + "\n");
    return file;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void firingAlertsNamingAKnownFleetTriggerIt() throws Exception {
    start(Optional.of(WebhookToken.fromFile(tokenFile(TOKEN))));
    var body =
        """
        {"version": "4", "status": "firing", "receiver": "microscope-operator",
         "alerts": [
           {"status": "firing", "labels": {"alertname": "MicroscopeErrorBudgetBurnFast",
             "namespace": "team-a", "fleet": "demo", "severity": "page"}},
           {"status": "firing", "labels": {"alertname": "MicroscopeWorkerAboutToOOM",
             "namespace": "team-a", "fleet": "demo", "worker": "demo-workers-x"}},
           {"status": "resolved", "labels": {"alertname": "MicroscopeFleetDegraded",
             "namespace": "team-b", "fleet": "other"}},
           {"status": "firing", "labels": {"alertname": "MicroscopeOperatorAbsent"}},
           {"status": "firing", "labels": {"alertname": "MicroscopeFleetDegraded",
             "namespace": "team-c", "fleet": "gone"}}
         ]}
        """;

    var response = post(body, "Bearer " + TOKEN);

    assertThat(response.statusCode()).isEqualTo(200);
    var answer = JSON.readTree(response.body());
    assertThat(answer.path("triggered").toString()).isEqualTo("[\"team-a/demo\"]");
    assertThat(answer.path("unknown").toString()).isEqualTo("[\"team-c/gone\"]");
    assertThat(triggered)
        .containsExactly(
            Map.entry(
                new FleetRef("team-a", "demo"),
                List.of("MicroscopeErrorBudgetBurnFast", "MicroscopeWorkerAboutToOOM")));
  }

  @Test
  void withoutATokenTheWebhookIsOff() throws Exception {
    start(Optional.empty());
    var response = post("{\"alerts\": []}", "Bearer " + TOKEN);
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(error(response)).contains("--webhook-token-file");
  }

  @Test
  void aMissingOrWrongTokenIsUnauthorized() throws Exception {
    start(Optional.of(WebhookToken.fromFile(tokenFile(TOKEN))));
    for (var header : new String[] {null, "Bearer wrong", "Basic " + TOKEN, "Bearer"}) {
      var response = post("{\"alerts\": []}", header);
      assertThat(response.statusCode()).as(String.valueOf(header)).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
      assertThat(response.body()).doesNotContain(TOKEN);
    }
    assertThat(triggered).isEmpty();
  }

  @Test
  void aRotatedTokenTakesEffectWithoutARestart() throws Exception {
    var file = tokenFile(TOKEN);
    start(Optional.of(WebhookToken.fromFile(file)));
    Files.writeString(file, "rotated-token\n");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    assertThat(post("{\"alerts\": []}", "Bearer " + TOKEN).statusCode()).isEqualTo(401);
    assertThat(post("{\"alerts\": []}", "Bearer rotated-token").statusCode()).isEqualTo(200);
  }

  @Test
  void onlyPost() throws Exception {
    start(Optional.of(WebhookToken.fromFile(tokenFile(TOKEN))));
    var response =
        HTTP.send(
            HttpRequest.newBuilder(uri()).header("Authorization", "Bearer " + TOKEN).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("POST");
  }

  @Test
  void aBodyOverTheLimitIsRefused() throws Exception {
    start(Optional.of(WebhookToken.fromFile(tokenFile(TOKEN))));
    var big =
        "{\"alerts\": [], \"pad\": \"" + "x".repeat(AlertmanagerWebhook.MAX_BODY_BYTES) + "\"}";
    assertThat(post(big, "Bearer " + TOKEN).statusCode()).isEqualTo(413);
  }

  @Test
  void aBadBodyNamesTheField() throws Exception {
    start(Optional.of(WebhookToken.fromFile(tokenFile(TOKEN))));
    assertBad("not json", "");
    assertBad("[1, 2]", "");
    assertBad("{\"status\": \"firing\"}", "alerts");
    assertBad("{\"alerts\": {}}", "alerts");
    assertBad("{\"alerts\": [\"x\"]}", "alerts[0]");
    assertBad("{\"alerts\": [{\"labels\": {}}, {\"labels\": 3}]}", "alerts[1].labels");
    assertThat(triggered).isEmpty();
  }

  private void assertBad(String body, String field) throws Exception {
    var response = post(body, "Bearer " + TOKEN);
    assertThat(response.statusCode()).as(body).isEqualTo(400);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.path("field").asText()).as(body).isEqualTo(field);
    assertThat(answer.path("error").asText()).isNotBlank();
  }

  private static String error(HttpResponse<String> response) throws IOException {
    return JSON.readTree(response.body()).path("error").asText();
  }

  private URI uri() {
    return URI.create("http://127.0.0.1:" + server.port() + "/alertmanager");
  }

  private HttpResponse<String> post(String body, String authorization) throws Exception {
    var request =
        HttpRequest.newBuilder(uri())
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
