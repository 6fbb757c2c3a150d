package dev.microscope.operator.kube;

import dev.microscope.operator.observability.FleetGauges;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Wires the ChaosFleet controller into a JOSDK operator. */
public final class FleetOperator {
  private FleetOperator() {}

  /**
   * @param namespaces namespaces to watch; empty watches all
   * @param leaderElection lease to hold before acting; empty runs without leader election
   * @param serverSideApply off only where the API server cannot do it (fabric8's mock server)
   */
  public record Options(
      OperatorConfig config,
      Set<String> namespaces,
      Optional<LeaderElectionConfiguration> leaderElection,
      boolean serverSideApply,
      Clock clock) {}

  /** A registered, not yet started operator. */
  public static Operator create(
      KubernetesClient client, Options options, Metrics metrics, FleetGauges gauges) {
    var operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withMetrics(metrics)
                  .withCloseClientOnStop(false)
                  .withSSABasedCreateUpdateMatchForDependentResources(options.serverSideApply())
                  .withUseSSAToPatchPrimaryResource(options.serverSideApply());
              options.leaderElection().ifPresent(o::withLeaderElectionConfiguration);
            });
    var reconciler =
        new ChaosFleetReconciler(
            options.config(),
            new PodMonitorCrd(options.clock(), Duration.ofMinutes(1)),
            new FleetStatusAggregator(options.clock()),
            new FleetEvents(client, options.clock()),
            gauges);
    operator.register(
        reconciler,
        o -> {
          if (options.namespaces().isEmpty()) {
            o.watchingAllNamespaces();
          } else {
            o.settingNamespaces(options.namespaces());
          }
        });
    return operator;
  }
}
