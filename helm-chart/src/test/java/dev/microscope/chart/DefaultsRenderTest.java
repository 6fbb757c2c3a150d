package dev.microscope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `helm template` with the default values: what a plain `helm install` creates. */
class DefaultsRenderTest {
  private static Rendered chart;
  private static JsonNode deployment;
  private static JsonNode container;

  @BeforeAll
  static void render() {
    chart = Chart.defaults();
    deployment = chart.one("Deployment");
    container = deployment.at("/spec/template/spec/containers/0");
  }

  @Test
  void createsTheOperatorItsAccountRbacServiceAndWebhookSecret() {
    assertThat(chart.kinds())
        .containsExactly(
            "ClusterRole",
            "ClusterRoleBinding",
            "Deployment",
            "Secret",
            "Service",
            "ServiceAccount");
    assertThat(deployment.at("/metadata/name").asText()).isEqualTo("microscope-operator");
  }

  @Test
  void everyObjectCarriesTheRecommendedLabelsAndTheReleaseNamespace() {
    for (var object : chart.all()) {
      var labels = object.path("metadata").path("labels");
      var what = object.path("kind").asText() + " " + object.at("/metadata/name").asText();
      assertThat(labels.path("app.kubernetes.io/name").asText()).as(what).isEqualTo("microscope");
      assertThat(labels.path("app.kubernetes.io/instance").asText())
          .as(what)
          .isEqualTo("microscope");
      assertThat(labels.path("app.kubernetes.io/component").asText())
          .as(what)
          .isEqualTo("operator");
      assertThat(labels.path("app.kubernetes.io/part-of").asText())
          .as(what)
          .isEqualTo("microscope");
      assertThat(labels.path("app.kubernetes.io/managed-by").asText()).as(what).isEqualTo("Helm");
      assertThat(labels.path("app.kubernetes.io/version").asText())
          .as(what)
          .isEqualTo(ChartVersionTest.appVersion());
      assertThat(labels.path("helm.sh/chart").asText())
          .as(what)
          .isEqualTo("microscope-" + ChartVersionTest.chartVersion());
      if (!object.path("kind").asText().startsWith("Cluster")) {
        assertThat(object.at("/metadata/namespace").asText()).as(what).isEqualTo(Chart.NAMESPACE);
      }
    }
  }

  @Test
  void theSelectorPicksTheOperatorPodsAndOnlyStableLabels() {
    var selector = deployment.at("/spec/selector/matchLabels");
    assertThat(fields(selector))
        .containsOnlyKeys(
            "app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/component");
    assertThat(fields(deployment.at("/spec/template/metadata/labels")))
        .containsAllEntriesOf(fields(selector));
    assertThat(chart.one("Service").at("/spec/selector")).isEqualTo(selector);
  }

  @Test
  void theOperatorRunsNonRootReadOnlyWithoutCapabilities() {
    var pod = deployment.at("/spec/template/spec");
    assertThat(RestrictedPodSecurity.violations(pod)).isEmpty();
    assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(65532);
    var sc = container.path("securityContext");
    assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
    assertThat(texts(sc.at("/capabilities/drop"))).containsExactly("ALL");
    assertThat(sc.at("/capabilities/add").isMissingNode()).isTrue();
    // the JVM's temporary files need a writable /tmp
    assertThat(mountPath("tmp")).isEqualTo("/tmp");
    assertThat(volume("tmp").has("emptyDir")).isTrue();
  }

  @Test
  void probesResourcesAndPort() {
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/healthz");
    for (var probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      assertThat(container.at("/" + probe + "/httpGet/port").asText()).isEqualTo("http");
    }
    assertThat(container.at("/ports/0/name").asText()).isEqualTo("http");
    assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
    assertThat(container.at("/resources/requests/cpu").asText()).isNotEmpty();
    assertThat(container.at("/resources/requests/memory").asText()).isNotEmpty();
    assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
    var port = chart.one("Service").at("/spec/ports/0");
    assertThat(port.path("port").asInt()).isEqualTo(8080);
    assertThat(port.path("targetPort").asText()).isEqualTo("http");
  }

  @Test
  void oneOperatorWithoutLeaderElectionIsReplacedNotRolled() {
    assertThat(texts(container.path("args")))
        .containsExactly(
            "operator",
            "--http-port=8080",
            "--worker-image=microscope/worker:" + ChartVersionTest.appVersion(),
            "--no-leader-election");
    assertThat(container.path("image").asText())
        .isEqualTo("microscope/operator:" + ChartVersionTest.appVersion());
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
    assertThat(deployment.at("/spec/strategy/type").asText()).isEqualTo("Recreate");
    assertThat(chart.all("Role")).isEmpty();
  }

  @Test
  void theWebhookTokenIsAGeneratedSecretMountedWhereTheOperatorLooks() {
    var secret = chart.one("Secret");
    assertThat(secret.at("/metadata/name").asText()).isEqualTo("microscope-operator-webhook");
    var token =
        new String(
            Base64.getDecoder().decode(secret.at("/data/token").asText()),
            StandardCharsets.US_ASCII);
    assertThat(token).hasSize(48).matches("[A-Za-z0-9]+");
    assertThat(Chart.defaults().one("Secret").at("/data/token").asText())
        .as("a fresh install gets a fresh token")
        .isNotEqualTo(secret.at("/data/token").asText());

    assertThat(volume("webhook-token").at("/secret/secretName").asText())
        .isEqualTo("microscope-operator-webhook");
    assertThat(volume("webhook-token").at("/secret/items/0/key").asText()).isEqualTo("token");
    assertThat(volume("webhook-token").at("/secret/items/0/path").asText()).isEqualTo("token");
    assertThat(mountPath("webhook-token")).isEqualTo("/var/run/microscope/webhook");
    assertThat(env("MICROSCOPE_WEBHOOK_TOKEN_FILE")).isEqualTo("/var/run/microscope/webhook/token");
  }

  @Test
  void metricsAreAnnotatedForAnnotationBasedScraping() {
    var annotations = fields(deployment.at("/spec/template/metadata/annotations"));
    assertThat(annotations)
        .containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/port", "8080")
        .containsEntry("prometheus.io/path", "/metrics");
  }

  private static String env(String name) {
    for (var e : container.path("env")) {
      if (name.equals(e.path("name").asText())) {
        return e.path("value").asText();
      }
    }
    return null;
  }

  private static String mountPath(String volume) {
    for (var m : container.path("volumeMounts")) {
      if (volume.equals(m.path("name").asText())) {
        return m.path("mountPath").asText();
      }
    }
    return null;
  }

  private static JsonNode volume(String name) {
    for (var v : deployment.at("/spec/template/spec/volumes")) {
      if (name.equals(v.path("name").asText())) {
        return v;
      }
    }
    throw new AssertionError("no volume " + name);
  }

  static List<String> texts(JsonNode array) {
    var list = new ArrayList<String>();
    array.forEach(n -> list.add(n.asText()));
    return list;
  }

  static Map<String, String> fields(JsonNode object) {
    var map = new java.util.LinkedHashMap<String, String>();
    object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }
}
