package dev.microscope.operator.it;

import static org.awaitility.Awaitility.await;

import dev.microscope.testkit.FreePorts;
import dev.microscope.testkit.Http;
import dev.microscope.testkit.ManagedProcess;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kubernetes control plane on loopback: etcd, kube-apiserver (RBAC on, certificates from
 * {@link ClusterPki}) and kube-controller-manager (garbage collector, Deployment and namespace
 * controllers), started the way kubeadm wires them. Every process listens on 127.0.0.1 only and is
 * stopped by {@link #close()}, also when a test fails. The API server can be restarted on the same
 * port while etcd keeps the data.
 */
final class ControlPlane implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ControlPlane.class);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final KubeBinaries binaries;
  private final Path workDir;
  private final ClusterPki pki;
  private final int etcdPort = FreePorts.next();
  private final int etcdPeerPort = FreePorts.next();
  private final int apiServerPort = FreePorts.next();
  private final int controllerManagerPort = FreePorts.next();
  private ManagedProcess etcd;
  private ManagedProcess apiServer;
  private ManagedProcess controllerManager;
  private KubernetesClient admin;

  private ControlPlane(KubeBinaries binaries, Path workDir) {
    this.binaries = binaries;
    this.workDir = workDir;
    this.pki = ClusterPki.create(workDir.resolve("pki"));
  }

  /**
   * Starts etcd and the API server, runs {@code beforeControllers} (e.g. installing CRDs, so the
   * garbage collector watches them from its first discovery), then the controller manager.
   */
  static ControlPlane start(
      KubeBinaries binaries, Path workDir, Consumer<ControlPlane> beforeControllers) {
    var plane = new ControlPlane(binaries, workDir);
    try {
      plane.startEtcd();
      plane.startApiServer();
      plane.admin = new KubernetesClientBuilder().withConfig(plane.adminConfig()).build();
      beforeControllers.accept(plane);
      plane.startControllerManager();
      return plane;
    } catch (RuntimeException | Error e) {
      plane.close();
      throw e;
    }
  }

  /** A client with cluster-admin rights ({@code system:masters}). */
  KubernetesClient admin() {
    return admin;
  }

  /** A kubeconfig of the administrator, as a user's ~/.kube/config would hold it. */
  String adminKubeconfig() {
    return kubeconfig("admin");
  }

  /** Client settings read from the administrator's kubeconfig, as production reads its own. */
  Config adminConfig() {
    return Config.fromKubeconfig(adminKubeconfig());
  }

  String url() {
    return "https://127.0.0.1:" + apiServerPort;
  }

  /** Stops kube-apiserver; etcd, the controller manager and every client stay. */
  void stopApiServer() {
    apiServer.stop(STOP_GRACE);
    LOG.info("kube-apiserver stopped");
  }

  /** Starts kube-apiserver again on the same port and waits until it serves. */
  void startApiServer() {
    apiServer =
        ManagedProcess.start(
            "kube-apiserver",
            List.of(
                binaries.binary("kube-apiserver").toString(),
                "--bind-address=127.0.0.1",
                "--advertise-address=127.0.0.1",
                "--secure-port=" + apiServerPort,
                // 127.0.0.1 may not be an Endpoints address: no reconciler of the "kubernetes"
                // Service, which nothing here needs
                "--endpoint-reconciler-type=none",
                "--etcd-servers=http://127.0.0.1:" + etcdPort,
                "--tls-cert-file=" + pki.file("apiserver.crt"),
                "--tls-private-key-file=" + pki.file("apiserver.key"),
                "--client-ca-file=" + pki.file("ca.crt"),
                "--authorization-mode=RBAC",
                "--service-account-issuer=https://kubernetes.default.svc",
                "--service-account-key-file=" + pki.file("sa.pub"),
                "--service-account-signing-key-file=" + pki.file("sa.key"),
                "--service-cluster-ip-range=10.96.0.0/24",
                "--profiling=false"),
            workDir,
            Map.of());
    waitUntil(apiServer, "kube-apiserver ready on " + url(), this::apiServerReady);
    LOG.info("kube-apiserver ready on {}", url());
  }

  private void startEtcd() {
    etcd =
        ManagedProcess.start(
            "etcd",
            List.of(
                binaries.binary("etcd").toString(),
                "--name=it",
                "--data-dir=" + workDir.resolve("etcd"),
                "--listen-client-urls=http://127.0.0.1:" + etcdPort,
                "--advertise-client-urls=http://127.0.0.1:" + etcdPort,
                "--listen-peer-urls=http://127.0.0.1:" + etcdPeerPort,
                "--initial-advertise-peer-urls=http://127.0.0.1:" + etcdPeerPort,
                "--initial-cluster=it=http://127.0.0.1:" + etcdPeerPort,
                // a throwaway store on a disk shared with other builds: durability buys nothing
                "--unsafe-no-fsync=true",
                "--log-level=warn"),
            workDir,
            Map.of());
    var health = "http://127.0.0.1:" + etcdPort + "/health";
    waitUntil(etcd, "etcd healthy", () -> Http.isOk(health));
  }

  private void startControllerManager() {
    var kubeconfig = workDir.resolve("controller-manager.kubeconfig");
    write(kubeconfig, kubeconfig("controller-manager"));
    controllerManager =
        ManagedProcess.start(
            "kube-controller-manager",
            List.of(
                binaries.binary("kube-controller-manager").toString(),
                "--kubeconfig=" + kubeconfig,
                "--bind-address=127.0.0.1",
                "--secure-port=" + controllerManagerPort,
                "--leader-elect=false",
                "--use-service-account-credentials=true",
                "--service-account-private-key-file=" + pki.file("sa.key"),
                "--root-ca-file=" + pki.file("ca.crt")),
            workDir,
            Map.of());
    // its service account controller makes "default" in every namespace: the controllers run
    waitUntil(
        controllerManager,
        "kube-controller-manager running its controllers",
        () -> admin.serviceAccounts().inNamespace("default").withName("default").get() != null);
    LOG.info("kube-controller-manager running");
  }

  private boolean apiServerReady() {
    var probe =
        new ConfigBuilder(adminConfig())
            .withRequestRetryBackoffLimit(0)
            .withConnectionTimeout(2_000)
            .withRequestTimeout(5_000)
            .build();
    try (var client = new KubernetesClientBuilder().withConfig(probe).build()) {
      return "ok".equals(client.raw("/readyz"))
          && client.namespaces().withName("default").get() != null;
    } catch (KubernetesClientException e) {
      return false;
    }
  }

  private String kubeconfig(String user) {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: it
          cluster:
            server: %s
            certificate-authority-data: %s
        users:
        - name: %s
          user:
            client-certificate-data: %s
            client-key-data: %s
        contexts:
        - name: it
          context:
            cluster: it
            user: %s
            namespace: default
        current-context: it
        """
        .formatted(
            url(),
            pki.base64("ca.crt"),
            user,
            pki.base64(user + ".crt"),
            pki.base64(user + ".key"),
            user);
  }

  private static void waitUntil(ManagedProcess process, String what, Callable<Boolean> ready) {
    await(what)
        .atMost(START_TIMEOUT)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    process.name()
                        + " exited while waiting for: "
                        + what
                        + "\n--- last lines of "
                        + process.logFile()
                        + ":\n"
                        + process.logTail(40));
              }
              return ready.call();
            });
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops every process (controllers first, etcd last) and removes etcd's data; logs stay. */
  @Override
  public void close() {
    if (admin != null) {
      admin.close();
    }
    for (var process : Arrays.asList(controllerManager, apiServer, etcd)) {
      if (process != null) {
        process.stop(STOP_GRACE);
      }
    }
    deleteTree(workDir.resolve("etcd"));
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      LOG.warn("could not remove {}: {}", dir, e.getMessage());
    }
  }
}
