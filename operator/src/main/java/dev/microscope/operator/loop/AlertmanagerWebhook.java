package dev.microscope.operator.loop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /alertmanager}: Alertmanager's webhook notification. Every firing alert that names a
 * fleet (labels {@code namespace} and {@code fleet}) makes that fleet run a cycle at once, recorded
 * with the trigger {@code alert:<alertname>}; other alerts and resolved ones are acknowledged and
 * ignored. Answers like the workers' admin API: 403 without a configured token, 401 for a wrong
 * one, 413 for a body over {@link #MAX_BODY_BYTES}, 400 naming the field of a bad body.
 */
public final class AlertmanagerWebhook implements HttpHandler {
  /** Largest notification accepted; Alertmanager sends a group of alerts per notification. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Optional<WebhookToken> token;
  private final AlertSink sink;

  public AlertmanagerWebhook(Optional<WebhookToken> token, AlertSink sink) {
    this.token = token;
    this.sink = sink;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        error(exchange, 405, "use POST", null);
        return;
      }
      if (token.isEmpty()) {
        error(
            exchange,
            403,
            "webhook disabled: no token configured (--webhook-token-file or"
                + " MICROSCOPE_WEBHOOK_TOKEN_FILE)",
            null);
        return;
      }
      if (!token.get().matches(exchange.getRequestHeaders().getFirst("Authorization"))) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        error(exchange, 401, "missing or wrong bearer token", null);
        return;
      }
      byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        error(exchange, 413, "body larger than " + MAX_BODY_BYTES + " bytes", null);
        return;
      }
      Map<FleetRef, List<String>> alerts;
      try {
        alerts = firingByFleet(JSON.readTree(new String(body, StandardCharsets.UTF_8)));
      } catch (BadField e) {
        error(exchange, 400, e.getMessage(), e.field);
        return;
      } catch (JsonProcessingException e) {
        error(exchange, 400, "body is not JSON: " + e.getOriginalMessage(), "");
        return;
      }
      reply(exchange, 200, accepted(alerts));
    }
  }

  private ObjectNode accepted(Map<FleetRef, List<String>> alerts) {
    var answer = JSON.createObjectNode();
    var triggered = answer.putArray("triggered");
    var unknown = answer.putArray("unknown");
    alerts.forEach(
        (fleet, names) -> (sink.alert(fleet, names) ? triggered : unknown).add(fleet.toString()));
    return answer;
  }

  /** Firing alerts' names by the fleet they name, in the order they came. */
  static Map<FleetRef, List<String>> firingByFleet(JsonNode root) throws BadField {
    if (root == null || !root.isObject()) {
      throw new BadField("", "must be a JSON object (an Alertmanager webhook notification)");
    }
    var alerts = root.get("alerts");
    if (alerts == null || !alerts.isArray()) {
      throw new BadField("alerts", "must be an array");
    }
    String groupStatus = root.path("status").asText("firing");
    Map<FleetRef, List<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < alerts.size(); i++) {
      var alert = alerts.get(i);
      var field = "alerts[" + i + "]";
      if (!alert.isObject()) {
        throw new BadField(field, "must be an object");
      }
      var labels = alert.get("labels");
      if (labels == null || !labels.isObject()) {
        throw new BadField(field + ".labels", "must be an object");
      }
      var status = alert.path("status").asText(groupStatus);
      var namespace = labels.path("namespace").asText("");
      var fleet = labels.path("fleet").asText("");
      if (!"firing".equals(status) || namespace.isEmpty() || fleet.isEmpty()) {
        continue;
      }
      var name = labels.path("alertname").asText("unnamed");
      out.computeIfAbsent(new FleetRef(namespace, fleet), k -> new ArrayList<>()).add(name);
    }
    return out;
  }

  private static void error(HttpExchange exchange, int code, String message, String field)
      throws IOException {
    var body = JSON.createObjectNode().put("error", message);
    if (field != null) {
      body.put("field", field);
    }
    reply(exchange, code, body);
  }

  private static void reply(HttpExchange exchange, int code, ObjectNode body) throws IOException {
    var bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(code, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** A body that is JSON but not a notification; {@code field} is the JSON path. */
  static final class BadField extends Exception {
    final String field;

    BadField(String field, String message) {
      super((field.isEmpty() ? "body" : field) + " " + message);
      this.field = field;
    }
  }
}
