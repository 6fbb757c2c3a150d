package dev.microscope.operator.rbac;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;

/**
 * fabric8's mock API server (CRUD mode, loopback) with two clients: one for the operator, whose
 * every request is recorded, and one for the test's own setup and checks, which is not.
 */
final class RecordingCluster implements AutoCloseable {
  private static final String OPERATOR_AGENT = "microscope-operator-under-test";

  private final RecordingDispatcher dispatcher;
  private final KubernetesMockServer server;
  private final KubernetesClient test;
  private final KubernetesClient operator;

  /**
   * @param grantedIn the rules the operator holds in a namespace, for its SelfSubjectRulesReview
   */
  RecordingCluster(Function<String, List<OperatorRules.Rule>> grantedIn) {
    dispatcher = new RecordingDispatcher(OPERATOR_AGENT, grantedIn);
    server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    test = server.createClient();
    operator =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(test.getConfiguration()).withUserAgent(OPERATOR_AGENT).build())
            .build();
  }

  /** The client to hand to the operator. */
  KubernetesClient operatorClient() {
    return operator;
  }

  /** The client of the test itself. */
  KubernetesClient testClient() {
    return test;
  }

  /** Every request the operator's client made so far. */
  List<ApiCall> operatorCalls() {
    return dispatcher.calls();
  }

  /** Installs a CRD from a classpath resource. */
  void install(String resource) {
    try (var in = RecordingCluster.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      var crd = test.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
      test.resource(crd).create();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    operator.close();
    test.close();
    server.destroy();
  }
}
