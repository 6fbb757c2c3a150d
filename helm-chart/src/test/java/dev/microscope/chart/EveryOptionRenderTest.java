package dev.microscope.chart;

import static dev.microscope.chart.DefaultsRenderTest.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** `helm template` with every option on (src/test/resources/every-option.yaml). */
class EveryOptionRenderTest {
  private static Rendered chart;
  private static JsonNode deployment;
  private static JsonNode container;

  @BeforeAll
  static void render() {
    chart = Chart.everyOption();
    deployment = chart.one("Deployment");
    container = deployment.at("/spec/template/spec/containers/0");
  }

  @Test
  void rendersEveryOptionalKind() {
    assertThat(chart.kinds())
        .containsExactly(
            "AlertmanagerConfig",
            "ClusterRole",
            "ClusterRoleBinding",
            "ConfigMap",
            "Deployment",
            "PrometheusRule",
            "Role",
            "RoleBinding",
            "Service",
            "ServiceAccount",
            "ServiceMonitor");
    assertThat(chart.all("Secret")).as("an existing Secret holds the webhook token").isEmpty();
  }

  @Test
  void theOperatorGetsEverySettingAsAFlag() {
    assertThat(texts(container.path("args")))
        .containsExactly(
            "operator",
            "--http-port=9095",
            "--worker-image=registry.example/microscope/worker:9.9.8",
            "--namespaces=team-a,team-b",
            "--prometheus-url=http://prometheus-operated.monitoring.svc:9090",
            "--leader-election",
            "--lease-name=microscope-lease",
            "--lease-namespace=" + Chart.NAMESPACE);
    assertThat(container.path("image").asText())
        .isEqualTo("registry.example/microscope/operator:9.9.9");
    assertThat(container.path("imagePullPolicy").asText()).isEqualTo("Always");
    assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(9095);
    assertThat(container.path("env").findValuesAsText("name"))
        .containsExactly("POD_NAMESPACE", "MICROSCOPE_WEBHOOK_TOKEN_FILE", "JAVA_TOOL_OPTIONS");
  }

  @Test
  void twoReplicasRollWhileOneHoldsTheLease() {
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(deployment.at("/spec/strategy").isMissingNode()).isTrue();
  }

  @Test
  void moreThanOneReplicaTurnsLeaderElectionOnByItself() {
    var two = Chart.render(Map.of("replicaCount", 2));
    var args = texts(two.one("Deployment").at("/spec/template/spec/containers/0/args"));
    assertThat(args)
        .contains("--leader-election", "--lease-name=microscope-operator")
        .doesNotContain("--no-leader-election");
    assertThat(two.get("Role", "microscope-operator-leader-election")).isNotNull();
    assertThat(two.get("RoleBinding", "microscope-operator-leader-election")).isNotNull();
  }

  @Test
  void theExistingWebhookSecretIsMountedUnderTheSamePath() {
    JsonNode volume = null;
    for (var v : deployment.at("/spec/template/spec/volumes")) {
      if ("webhook-token".equals(v.path("name").asText())) {
        volume = v;
      }
    }
    assertThat(volume).isNotNull();
    assertThat(volume.at("/secret/secretName").asText()).isEqualTo("alertmanager-webhook");
    assertThat(volume.at("/secret/items/0/key").asText()).isEqualTo("bearer");
    assertThat(volume.at("/secret/items/0/path").asText()).isEqualTo("token");
  }

  @Test
  void podSettingsArePassedThroughAndStayRestricted() {
    var pod = deployment.at("/spec/template/spec");
    assertThat(RestrictedPodSecurity.violations(pod)).isEmpty();
    assertThat(pod.path("serviceAccountName").asText()).isEqualTo("microscope-sa");
    assertThat(pod.at("/imagePullSecrets/0/name").asText()).isEqualTo("regcred");
    assertThat(pod.path("priorityClassName").asText()).isEqualTo("system-cluster-critical");
    assertThat(pod.at("/nodeSelector/kubernetes.io~1os").asText()).isEqualTo("linux");
    assertThat(pod.at("/tolerations/0/key").asText()).isEqualTo("dedicated");
    assertThat(pod.at("/affinity/nodeAffinity").isObject()).isTrue();
    assertThat(pod.at("/topologySpreadConstraints/0/maxSkew").asInt()).isEqualTo(1);
    var meta = deployment.at("/spec/template/metadata");
    assertThat(meta.at("/labels/team").asText()).isEqualTo("sre");
    assertThat(meta.at("/annotations/example.com~1owner").asText()).isEqualTo("sre");
    assertThat(meta.at("/annotations/prometheus.io~1port").asText()).isEqualTo("9095");
    assertThat(chart.one("ServiceAccount").at("/metadata/annotations/example.com~1owner").asText())
        .isEqualTo("sre");
    assertThat(chart.one("Service").at("/spec/ports/0/port").asInt()).isEqualTo(9096);
  }

  @Test
  void theRestrictedChecksCatchAnUnsafePod() {
    // RestrictedPodSecurity must be able to fail: the same pod with root and escalation allowed
    var unsafe =
        Chart.render(
            Map.of(
                "securityContext.allowPrivilegeEscalation", true,
                "podSecurityContext.runAsNonRoot", false,
                "securityContext.runAsNonRoot", false));
    assertThat(RestrictedPodSecurity.violations(unsafe.one("Deployment").at("/spec/template/spec")))
        .anyMatch(v -> v.contains("allowPrivilegeEscalation"))
        .anyMatch(v -> v.contains("runAsNonRoot"));
  }
}
