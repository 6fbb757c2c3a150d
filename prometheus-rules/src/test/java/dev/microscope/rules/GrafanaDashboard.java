package dev.microscope.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fleet dashboard's JSON and the PromQL of its panels. */
final class GrafanaDashboard {
  private GrafanaDashboard() {}

  static JsonNode read() {
    try {
      return new ObjectMapper().readTree(ModuleFiles.dashboard().toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every panel query and the annotation query, keyed by "panel title / refId". */
  static Map<String, String> queries(JsonNode dashboard) {
    Map<String, String> queries = new LinkedHashMap<>();
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        queries.put(
            panel.path("title").asText() + " / " + target.path("refId").asText(),
            target.path("expr").asText());
      }
    }
    for (JsonNode annotation : dashboard.path("annotations").path("list")) {
      queries.put(
          "annotation " + annotation.path("name").asText(), annotation.path("expr").asText());
    }
    return queries;
  }

  /** A query as Grafana sends it for one fleet. */
  static String forFleet(String expr, String namespace, String fleet) {
    return expr.replace("$namespace", namespace)
        .replace("$fleet", fleet)
        .replace("$__rate_interval", "1m");
  }
}
