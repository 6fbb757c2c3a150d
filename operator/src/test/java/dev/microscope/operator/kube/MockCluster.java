package dev.microscope.operator.kube;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.HashMap;

/**
 * fabric8's mock API server in CRUD mode on loopback, with the generated ChaosFleet CRD installed
 * (so the status subresource behaves), and a client for it.
 */
final class MockCluster implements AutoCloseable {
  static final String CRD_RESOURCE = "/META-INF/fabric8/chaosfleets.microscope.dev-v1.yml";

  private final KubernetesMockServer server;
  private final KubernetesClient client;

  MockCluster() {
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
    install(CRD_RESOURCE);
  }

  KubernetesClient client() {
    return client;
  }

  /** Installs a CRD from a classpath resource. */
  void install(String resource) {
    try (InputStream in = MockCluster.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      var crd = client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
      client.resource(crd).create();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
