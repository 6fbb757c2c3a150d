package dev.microscope.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ChaosFleetSpec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CRD from crds/ as the API server takes it: accepted, enforcing its schema with messages that
 * name the field, and filling the same defaults the Java classes have.
 */
@ExtendWith(RealCluster.class)
class CrdIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theCommittedCrdIsAcceptedAndServed(ControlPlane cluster) {
    var crd =
        cluster
            .admin()
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .withName("chaosfleets.microscope.dev")
            .get();
    assertThat(crd.getStatus().getConditions())
        .filteredOn(c -> "True".equals(c.getStatus()))
        .extracting(c -> c.getType())
        .contains("Established", "NamesAccepted");
    assertThat(crd.getStatus().getAcceptedNames().getShortNames()).containsExactly("cf");
    var served =
        cluster.admin().getApiGroup(ChaosFleet.GROUP).getVersions().stream()
            .map(v -> v.getVersion())
            .toList();
    assertThat(served).containsExactly(ChaosFleet.VERSION);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          spec.workers.replicas.min           | should be greater than or equal to 1 | {"workers": {"replicas": {"min": 0}}}
          spec.mode                           | Unsupported value: "Sometimes"       | {"mode": "Sometimes"}
          spec.chaos.adaptive.stepInterval    | should match                         | {"chaos": {"adaptive": {"stepInterval": "5 minutes"}}}
          spec.chaos.errors.rate              | should be less than or equal to 1    | {"chaos": {"errors": {"rate": 2}}}
          spec.slo.latencyThreshold           | should match                         | {"slo": {"latencyThreshold": "301ms"}}
          spec.workers.resources.limits.memory | should match                        | {"workers": {"resources": {"limits": {"memory": "lots"}}}}
          spec.rules[0].query                 | Required value                       | {"rules": [{"name": "r", "operator": ">", "threshold": 1, "action": {"type": "RecordOnly"}}]}
          spec.chaos.latency.minMs            | Required value                       | {"chaos": {"latency": {"maxMs": 5}}}
          spec.prometheus.url                 | should match                         | {"prometheus": {"url": "ftp://x"}}
          """)
  void invalidFleetsAreRejectedNamingTheField(
      String field, String message, String spec, ControlPlane cluster, TestNamespace namespace)
      throws Exception {
    var fleet = fleet(namespace, "invalid", JSON.readValue(spec, Map.class));

    var error =
        catchThrowableOfType(
            KubernetesClientException.class, () -> cluster.admin().resource(fleet).create());

    assertThat(error).as("the API server must refuse %s", spec).isNotNull();
    assertThat(error.getCode()).isEqualTo(422);
    assertThat(error.getStatus().getDetails().getCauses())
        .extracting(StatusCause::getField)
        .contains(field);
    assertThat(error.getMessage()).contains(field).contains(message);
  }

  @Test
  void tooManyRulesAreRejected(ControlPlane cluster, TestNamespace namespace) throws Exception {
    var rule =
        JSON.readValue(
            """
            {"name": "r", "query": "up", "operator": ">", "threshold": 1,
             "action": {"type": "RecordOnly"}}""",
            Map.class);
    var rules = Collections.nCopies(51, rule);
    var fleet = fleet(namespace, "many-rules", Map.of("rules", rules));

    var error =
        catchThrowableOfType(
            KubernetesClientException.class, () -> cluster.admin().resource(fleet).create());

    assertThat(error).isNotNull();
    assertThat(error.getMessage()).contains("spec.rules").contains("must have at most 50 items");
  }

  @Test
  void theServerFillsTheDefaultsOfTheJavaClasses(ControlPlane cluster, TestNamespace namespace) {
    var created = cluster.admin().resource(fleet(namespace, "defaults", Map.of())).create();

    JsonNode server = JSON.valueToTree(created.getAdditionalProperties().get("spec"));
    JsonNode java = JSON.valueToTree(new ChaosFleetSpec());
    assertSameValues(server, java, "spec");
    // what the operator reads back is the Java default fleet
    var typed =
        cluster
            .admin()
            .resources(ChaosFleet.class)
            .inNamespace(namespace.name())
            .withName("defaults")
            .get();
    assertThat((JsonNode) JSON.valueToTree(typed.getSpec())).isEqualTo(java);
  }

  /**
   * Equal up to number representation (the server says 10, Java 10.0), and an empty Java list is
   * the same as an absent one (the server stores no default for lists).
   */
  private static void assertSameValues(JsonNode server, JsonNode java, String path) {
    if (java.isNumber()) {
      assertThat(server.isNumber()).as(path + " is a number on the server").isTrue();
      assertThat(server.asDouble()).as(path).isEqualTo(java.asDouble());
      return;
    }
    if (!java.isObject()) {
      assertThat(server).as(path).isEqualTo(java);
      return;
    }
    assertThat(server.isObject()).as(path + " is an object on the server").isTrue();
    for (Iterator<String> names = java.fieldNames(); names.hasNext(); ) {
      var name = names.next();
      var value = java.get(name);
      if (value.isArray() && value.isEmpty()) {
        assertThat(server.path(name).isMissingNode() || server.path(name).isEmpty())
            .as(path + "." + name)
            .isTrue();
      } else {
        assertThat(server.has(name))
            .as("%s.%s: Java defaults it to %s, the server fills nothing", path, name, value)
            .isTrue();
        assertSameValues(server.get(name), value, path + "." + name);
      }
    }
    for (Iterator<String> names = server.fieldNames(); names.hasNext(); ) {
      var name = names.next();
      assertThat(java.has(name))
          .as("%s.%s: the server defaults it to %s, Java has nothing", path, name, server.get(name))
          .isTrue();
    }
  }

  private static GenericKubernetesResource fleet(
      TestNamespace namespace, String name, Map<?, ?> spec) {
    var fleet = new GenericKubernetesResource();
    fleet.setApiVersion(ChaosFleet.GROUP + "/" + ChaosFleet.VERSION);
    fleet.setKind("ChaosFleet");
    fleet.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace(namespace.name()).build());
    fleet.setAdditionalProperty("spec", spec);
    return fleet;
  }
}
