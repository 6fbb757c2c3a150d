package dev.microscope.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.config.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.SSABasedGenericKubernetesResourceMatcher;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompactFieldsTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private static KubernetesClient client;

  @BeforeAll
  static void client() {
    // never connects: the matcher only borrows its serialization
    client = new KubernetesClientBuilder().build();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @Test
  void keepsOnlyApplyEntriesWithTheSameFieldsInTheSameOrder() throws IOException {
    var original = applied("OWNER-1");
    var compacted = CompactFields.compact(applied("OWNER-1"));

    var entries = compacted.getMetadata().getManagedFields();
    assertThat(entries)
        .singleElement()
        .satisfies(e -> assertThat(e.getManager()).isEqualTo("microscope"));
    var before = original.getMetadata().getManagedFields().get(0).getFieldsV1();
    var after = entries.get(0).getFieldsV1();
    assertThat(after.getAdditionalProperties()).isEqualTo(before.getAdditionalProperties());
    assertThat(JSON.asJson(after)).isEqualTo(JSON.asJson(before));
    assertThat(after.getAdditionalProperties()).isInstanceOf(CompactFields.Node.class);
  }

  @Test
  void equalSubtreesOfDifferentObjectsAreOneInstance() throws IOException {
    var one = CompactFields.compact(applied("OWNER-1"));
    var two = CompactFields.compact(applied("OWNER-2"));

    Map<String, Object> a = fields(one);
    Map<String, Object> b = fields(two);
    assertThat(a).as("the owner's uid differs").isNotEqualTo(b);
    assertThat(a.get("f:spec")).isSameAs(b.get("f:spec"));
    assertThat(((Map<?, ?>) a.get("f:metadata")).get("f:labels"))
        .isSameAs(((Map<?, ?>) b.get("f:metadata")).get("f:labels"));
  }

  @Test
  void theServerSideApplyMatcherDecidesAsOnTheFullObject() throws IOException {
    var same = desired(2, "microscope/worker:1");
    var moreReplicas = desired(3, "microscope/worker:1");
    var newImage = desired(2, "microscope/worker:2");
    var matcher = SSABasedGenericKubernetesResourceMatcher.<Deployment>getInstance();

    for (var desired : List.of(same, moreReplicas, newImage)) {
      boolean full = matcher.matches(applied("OWNER"), desired, context());
      boolean compact =
          matcher.matches(CompactFields.compact(applied("OWNER")), desired, context());
      assertThat(compact).as("match of %s", desired.getSpec()).isEqualTo(full);
    }
    assertThat(matcher.matches(CompactFields.compact(applied("OWNER")), same, context())).isTrue();
    assertThat(matcher.matches(CompactFields.compact(applied("OWNER")), newImage, context()))
        .isFalse();
  }

  @Test
  void objectsWithoutManagedFieldsPassUnchanged() {
    var bare = desired(1, "x");
    assertThat(CompactFields.compact(bare)).isSameAs(bare);
    assertThat(bare.getMetadata().getManagedFields()).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> fields(Deployment d) {
    return d.getMetadata().getManagedFields().get(0).getFieldsV1().getAdditionalProperties();
  }

  private static Deployment applied(String owner) throws IOException {
    try (InputStream in =
        CompactFieldsTest.class.getResourceAsStream("/kube/applied-deployment.json")) {
      var text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("OWNER", owner);
      return JSON.unmarshal(text, Deployment.class);
    }
  }

  private static Deployment desired(int replicas, String image) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("demo-workers")
        .withNamespace("team-a")
        .addToLabels("app.kubernetes.io/name", "microscope-worker")
        .addToLabels("app.kubernetes.io/instance", "demo")
        .addNewOwnerReference()
        .withApiVersion("microscope.dev/v1alpha1")
        .withKind("ChaosFleet")
        .withName("demo")
        .withUid("OWNER")
        .withController(true)
        .withBlockOwnerDeletion(true)
        .endOwnerReference()
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app.kubernetes.io/name", "microscope-worker")
        .addToMatchLabels("app.kubernetes.io/instance", "demo")
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app.kubernetes.io/name", "microscope-worker")
        .addToLabels("app.kubernetes.io/instance", "demo")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("worker")
        .withImage(image)
        .addNewPort()
        .withContainerPort(8080)
        .withName("http")
        .withProtocol("TCP")
        .endPort()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /** The two things the matcher asks its context for: the field manager and the client. */
  @SuppressWarnings("unchecked")
  private static Context<?> context() {
    var configuration =
        (ControllerConfiguration<?>)
            Proxy.newProxyInstance(
                CompactFieldsTest.class.getClassLoader(),
                new Class<?>[] {ControllerConfiguration.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "fieldManager" -> "microscope";
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    return (Context<?>)
        Proxy.newProxyInstance(
            CompactFieldsTest.class.getClassLoader(),
            new Class<?>[] {Context.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getControllerConfiguration" -> configuration;
                  case "getClient" -> client;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
