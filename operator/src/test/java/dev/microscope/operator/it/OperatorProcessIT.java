package dev.microscope.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.testkit.FreePorts;
import dev.microscope.testkit.Http;
import dev.microscope.testkit.ManagedProcess;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator jar as a user runs it, {@code java -jar microscope-operator.jar operator
 * --leader-election}, with a kubeconfig: it takes the Lease and acts on a fleet; it stops promptly
 * on SIGTERM (as the kubelet stops a pod) instead of hanging until it is killed; and a replica
 * whose Lease is taken away stops acting and exits with 1.
 */
@ExtendWith(RealCluster.class)
class OperatorProcessIT {
  private static final Path JAR = Path.of("target", "microscope-operator.jar");
  private static final String IDENTITY = "operator-0";
  private static final Duration GRACE = Duration.ofSeconds(20);

  @Test
  void theJarLeadsActsAndStopsOnSigterm(
      ControlPlane cluster, TestNamespace namespace, @TempDir Path dir) throws IOException {
    try (var operator = startLeading(cluster, namespace, dir)) {
      var fleet = new FleetUnderTest(cluster.admin(), namespace.name(), "from-jar");
      fleet.create();
      fleet.awaitDependents();

      var stopping = System.nanoTime();
      var exitCode = operator.stop(GRACE);
      var took = Duration.ofNanos(System.nanoTime() - stopping);

      assertThat(exitCode)
          .as("exit code after SIGTERM (137: killed after %s)\n%s", GRACE, operator.logTail(30))
          .isEqualTo(143);
      assertThat(took).isLessThan(GRACE);
    }
  }

  @Test
  void aReplicaThatLosesItsLeaseExitsWithOne(
      ControlPlane cluster, TestNamespace namespace, @TempDir Path dir) throws IOException {
    try (var operator = startLeading(cluster, namespace, dir)) {
      var now = ZonedDateTime.now();
      lease(cluster, namespace)
          .edit(
              l -> {
                l.getSpec().setHolderIdentity("another-replica");
                l.getSpec().setAcquireTime(now);
                l.getSpec().setRenewTime(now);
                return l;
              });

      await("operator exits after losing its Lease")
          .atMost(Duration.ofSeconds(60))
          .until(() -> !operator.isAlive());
      assertThat(operator.process().exitValue()).as(operator.logTail(30)).isEqualTo(1);
      assertThat(operator.logTail(200)).contains("lost the leader election Lease");
    }
  }

  /** Starts the jar and waits until it holds the Lease and answers /readyz. */
  private static ManagedProcess startLeading(
      ControlPlane cluster, TestNamespace namespace, Path dir) throws IOException {
    assertThat(JAR).as("the operator jar (built by the package phase)").exists();
    var kubeconfig = Files.writeString(dir.resolve("kubeconfig"), cluster.adminKubeconfig());
    var port = FreePorts.next();
    var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var operator =
        ManagedProcess.start(
            "operator",
            List.of(
                java,
                "-jar",
                JAR.toAbsolutePath().toString(),
                "operator",
                "--leader-election",
                "--lease-namespace",
                namespace.name(),
                "--namespaces",
                namespace.name(),
                "--http-bind",
                "127.0.0.1",
                "--http-port",
                String.valueOf(port)),
            dir,
            // as in a pod, where HOSTNAME is the pod's name
            Map.of("KUBECONFIG", kubeconfig.toString(), "HOSTNAME", IDENTITY));
    try {
      await("operator holds the Lease and is ready")
          .atMost(FleetUnderTest.WAIT)
          .untilAsserted(
              () -> {
                assertThat(operator.isAlive()).as(operator.logTail(30)).isTrue();
                var lease = lease(cluster, namespace).get();
                assertThat(lease).isNotNull();
                assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(IDENTITY);
                assertThat(Http.isOk("http://127.0.0.1:" + port + "/readyz")).isTrue();
              });
      return operator;
    } catch (RuntimeException | AssertionError e) {
      operator.close();
      throw e;
    }
  }

  private static Resource<Lease> lease(ControlPlane cluster, TestNamespace namespace) {
    return cluster
        .admin()
        .resources(Lease.class)
        .inNamespace(namespace.name())
        .withName("microscope-operator");
  }
}
