package dev.microscope.chart;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** files/operator-rbac.yaml: the rules the chart grants the operator, in three scopes. */
record RbacRules(JsonNode fleets, JsonNode cluster, JsonNode leaderElection) {
  static RbacRules load() {
    try {
      var file = Rendered.YAML.readTree(ChartFiles.rbacRules().toFile());
      return new RbacRules(file.path("fleets"), file.path("cluster"), file.path("leaderElection"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
