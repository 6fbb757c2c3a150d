package dev.microscope.operator.it;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JUnit extension of the integration tier: one real control plane per test run, shared by every
 * {@code *IT} class that uses it, with the ChaosFleet CRD from crds/ installed; a fresh namespace
 * per test, deleted after it. Test methods and lifecycle methods receive the {@link ControlPlane}
 * and the {@link TestNamespace} as parameters.
 *
 * <p>Where the Kubernetes binaries are missing, every test of the tier is skipped with a message
 * that says which and how to build them; it is never skipped silently.
 */
final class RealCluster
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final Logger LOG = LoggerFactory.getLogger(RealCluster.class);
  private static final ExtensionContext.Namespace STORE =
      ExtensionContext.Namespace.create(RealCluster.class);

  /** The shared control plane, or why there is none. */
  private record Shared(ControlPlane plane, String unavailable) implements AutoCloseable {
    @Override
    public void close() {
      if (plane != null) {
        plane.close();
      }
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(STORE)
        .computeIfAbsent(Shared.class, k -> startShared(), Shared.class);
  }

  /**
   * Skips per test rather than per class: a class skipped in beforeAll shows in Maven's summary as
   * "Tests run: 0", which hides the skip.
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    var shared = context.getRoot().getStore(STORE).get(Shared.class, Shared.class);
    Assumptions.assumeTrue(shared.unavailable() == null, shared::unavailable);
    var name =
        "it-"
            + context
                .getRequiredTestClass()
                .getSimpleName()
                .toLowerCase(Locale.ROOT)
                .replace("it", "")
            + "-"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 5);
    plane(context)
        .admin()
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    context.getStore(STORE).put(TestNamespace.class, new TestNamespace(name));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    var namespace = context.getStore(STORE).remove(TestNamespace.class, TestNamespace.class);
    if (namespace != null) {
      // the namespace controller removes what the test left; nothing waits for it
      plane(context).admin().namespaces().withName(namespace.name()).delete();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    var type = parameter.getParameter().getType();
    return type == ControlPlane.class || type == TestNamespace.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (parameter.getParameter().getType() == ControlPlane.class) {
      return plane(context);
    }
    return context.getStore(STORE).get(TestNamespace.class, TestNamespace.class);
  }

  private static ControlPlane plane(ExtensionContext context) {
    return context.getRoot().getStore(STORE).get(Shared.class, Shared.class).plane();
  }

  private static Shared startShared() {
    var binaries = KubeBinaries.locate();
    var missing = binaries.missing();
    if (!missing.isEmpty()) {
      var message =
          "SKIPPED: the real-API-server tier needs "
              + String.join(", ", missing)
              + " in "
              + binaries.dir()
              + "; build them with e2e/k8s-bin/build.sh (needs Go) or set MICROSCOPE_K8S_BIN_DIR";
      LOG.warn(message);
      console().println("[WARNING] " + message);
      return new Shared(null, message);
    }
    var started = System.nanoTime();
    var plane = ControlPlane.start(binaries, workDir(), RealCluster::installCrd);
    LOG.info(
        "control plane from {} up in {} ms",
        binaries.dir(),
        Duration.ofNanos(System.nanoTime() - started).toMillis());
    return new Shared(plane, null);
  }

  /** Installs crds/ as a user would, and waits until the API server serves it. */
  static void installCrd(ControlPlane plane) {
    try (var in = Files.newInputStream(RepositoryFiles.crd())) {
      var crd =
          plane.admin().getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
      plane.admin().resource(crd).serverSideApply();
      await("CRD " + crd.getMetadata().getName() + " established")
          .atMost(Duration.ofSeconds(60))
          .until(() -> established(plane, crd.getMetadata().getName()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean established(ControlPlane plane, String name) {
    var crd = plane.admin().apiextensions().v1().customResourceDefinitions().withName(name).get();
    return crd.getStatus() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /**
   * The test JVM's own stderr, which Maven shows as it is: System.err of a test goes to a report
   * file (redirectTestOutputToFile), where nobody would see that the tier did not run.
   */
  private static PrintStream console() {
    return new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
  }

  private static Path workDir() {
    return Path.of("target", "kube-it", "run-" + Instant.now().toEpochMilli()).toAbsolutePath();
  }
}
