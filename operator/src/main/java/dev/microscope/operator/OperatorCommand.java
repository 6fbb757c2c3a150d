package dev.microscope.operator;

import dev.microscope.operator.kube.AlertTriggers;
import dev.microscope.operator.kube.FleetOperator;
import dev.microscope.operator.kube.OperatorConfig;
import dev.microscope.operator.loop.AlertmanagerWebhook;
import dev.microscope.operator.loop.WebhookToken;
import dev.microscope.operator.observability.HealthServer;
import dev.microscope.operator.observability.OperatorMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code microscope operator}: runs the ChaosFleet operator against the current cluster. */
@Command(
    name = "operator",
    mixinStandardHelpOptions = true,
    description = "Run the ChaosFleet operator against the cluster of the current kubeconfig.")
public class OperatorCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorCommand.class);

  @Option(
      names = "--namespaces",
      split = ",",
      defaultValue = "${env:MICROSCOPE_WATCH_NAMESPACES:-}",
      description =
          "Namespaces to watch, comma separated; empty watches all (env MICROSCOPE_WATCH_NAMESPACES).")
  List<String> namespaces = List.of();

  @Option(
      names = "--leader-election",
      negatable = true,
      defaultValue = "${env:MICROSCOPE_LEADER_ELECTION:-false}",
      description = "Hold a Lease before acting, so several replicas can run with one active.")
  boolean leaderElection;

  @Option(
      names = "--lease-name",
      defaultValue = "microscope-operator",
      description = "Name of the leader election Lease.")
  String leaseName;

  @Option(
      names = "--lease-namespace",
      defaultValue = "${env:POD_NAMESPACE:-}",
      description = "Namespace of the Lease (default: env POD_NAMESPACE, else the client's).")
  String leaseNamespace;

  @Option(
      names = "--lease-identity",
      defaultValue = "${env:HOSTNAME:-}",
      description = "This replica's name in the Lease (default: env HOSTNAME, the pod name).")
  String leaseIdentity;

  @Option(
      names = "--worker-image",
      defaultValue = "${env:MICROSCOPE_WORKER_IMAGE:-}",
      description =
          "Image of workers and traffic generators of fleets that name none (default microscope/worker:<version>).")
  String workerImage;

  @Option(
      names = "--prometheus-url",
      defaultValue = "${env:MICROSCOPE_PROMETHEUS_URL:-}",
      description = "Prometheus of fleets that name none.")
  String prometheusUrl;

  @Option(
      names = "--webhook-token-file",
      defaultValue = "${env:MICROSCOPE_WEBHOOK_TOKEN_FILE:-}",
      description =
          "File with the bearer token Alertmanager sends to POST /alertmanager (env"
              + " MICROSCOPE_WEBHOOK_TOKEN_FILE); without it the webhook answers 403.")
  String webhookTokenFile;

  @Spec CommandSpec spec;

  @Option(
      names = "--http-bind",
      defaultValue = "0.0.0.0",
      description = "Address of /metrics, /healthz, /readyz and /alertmanager.")
  String httpBind;

  @Option(
      names = "--http-port",
      defaultValue = "8080",
      description = "Port of /metrics, /healthz, /readyz and /alertmanager.")
  int httpPort;

  @Override
  public Integer call() throws Exception {
    var version = Version.current();
    var metrics = new OperatorMetrics(version);
    var webhookToken = webhookToken();
    var alerts = new AlertTriggers();
    var lifetime = new Lifetime();
    try (var client = new KubernetesClientBuilder().build()) {
      var options = options(client, version, lifetime::leaderElectionEnded);
      var operator =
          FleetOperator.create(
              client,
              options,
              new FleetOperator.Meters(metrics.josdk(), metrics.fleets(), metrics.control()),
              alerts);
      try (var http =
          HealthServer.start(
              new InetSocketAddress(httpBind, httpPort),
              metrics::scrape,
              () -> operator.getRuntimeInfo().allEventSourcesAreHealthy(),
              () -> operator.getRuntimeInfo().isStarted(),
              Map.of("/alertmanager", new AlertmanagerWebhook(webhookToken, alerts)))) {
        lifetime.stopOnShutdown();
        operator.start();
        LOG.info(
            "microscope operator {} started; metrics and health on port {}", version, http.port());
        lifetime.awaitStopRequest();
        operator.stop();
      }
    } finally {
      lifetime.stopped();
    }
    return lifetime.exitCode();
  }

  /**
   * What these flags ask of an operator of {@code version} that talks through {@code client}.
   *
   * @param leaderElectionEnded called when this replica stops leading: it lost the Lease, or it is
   *     being stopped
   */
  public FleetOperator.Options options(
      KubernetesClient client, String version, Runnable leaderElectionEnded) {
    var config =
        new OperatorConfig(
            workerImage.isBlank() ? OperatorConfig.defaults(version).workerImage() : workerImage,
            prometheusUrl.isBlank() ? null : prometheusUrl);
    return new FleetOperator.Options(
        config,
        new LinkedHashSet<>(namespaces.stream().filter(n -> !n.isBlank()).toList()),
        leaderElection
            ? Optional.of(leaderElection(client, leaderElectionEnded))
            : Optional.empty(),
        true,
        Clock.systemUTC());
  }

  /**
   * java-operator-sdk's default exits the JVM when leading stops, also when the operator is being
   * stopped by the shutdown hook, where System.exit blocks forever; {@link Lifetime} decides
   * instead.
   */
  private LeaderElectionConfiguration leaderElection(
      KubernetesClient client, Runnable leaderElectionEnded) {
    return new LeaderElectionConfiguration(
        leaseName,
        leaseNamespace.isBlank() ? client.getNamespace() : leaseNamespace,
        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
        leaseIdentity.isBlank() ? null : leaseIdentity,
        new LeaderCallbacks(() -> {}, leaderElectionEnded, leader -> {}),
        false);
  }

  /** The webhook's token; a file that cannot be read is bad usage, named by its flag. */
  private Optional<WebhookToken> webhookToken() {
    if (webhookTokenFile.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(WebhookToken.fromFile(Path.of(webhookTokenFile)));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--webhook-token-file: " + e.getMessage());
    }
  }
}
