package dev.microscope.operator.kube;

import dev.microscope.operator.loop.AdminClient;
import dev.microscope.operator.loop.ControlCycle;
import dev.microscope.operator.loop.PrometheusSignals;
import dev.microscope.operator.observability.ControlMetrics;
import dev.microscope.operator.observability.FleetGauges;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Wires the ChaosFleet controller into a JOSDK operator. */
public final class FleetOperator {
  static final int RECONCILE_THREADS = 10;

  private FleetOperator() {}

  /**
   * @param namespaces namespaces to watch; empty watches all
   * @param leaderElection lease to hold before acting; empty runs without leader election
   * @param serverSideApply off only where the API server cannot do it (fabric8's mock server)
   * @param addresses where worker and traffic generator pods answer (their pod IP in a cluster)
   * @param adminTimeout bound of one call to a worker's or traffic generator's admin API
   */
  public record Options(
      OperatorConfig config,
      Set<String> namespaces,
      Optional<LeaderElectionConfiguration> leaderElection,
      boolean serverSideApply,
      Clock clock,
      PodAddresses addresses,
      Duration adminTimeout) {
    /** The defaults for a cluster: pod IPs, 2s per admin call. */
    public Options(
        OperatorConfig config,
        Set<String> namespaces,
        Optional<LeaderElectionConfiguration> leaderElection,
        boolean serverSideApply,
        Clock clock) {
      this(
          config,
          namespaces,
          leaderElection,
          serverSideApply,
          clock,
          PodAddresses.POD_IP,
          Duration.ofSeconds(2));
    }

    public Options withAddresses(PodAddresses value) {
      return new Options(
          config, namespaces, leaderElection, serverSideApply, clock, value, adminTimeout);
    }
  }

  /** What the operator's metrics need to know: the registry's fleet and control meters. */
  public record Meters(Metrics josdk, FleetGauges gauges, ControlMetrics control) {}

  /**
   * A registered, not yet started operator whose control loop metrics go nowhere and which takes no
   * alerts: for tests about the reconciler alone.
   */
  public static Operator create(
      KubernetesClient client, Options options, Metrics metrics, FleetGauges gauges) {
    return create(
        client,
        options,
        new Meters(metrics, gauges, new ControlMetrics(new SimpleMeterRegistry())),
        new AlertTriggers());
  }

  /**
   * A registered, not yet started operator.
   *
   * @param alerts where the Alertmanager webhook hands alerts to; shared with the HTTP server
   */
  public static Operator create(
      KubernetesClient client, Options options, Meters meters, AlertTriggers alerts) {
    var metrics = meters.josdk();
    var operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  // JOSDK starts 50 of each; a reconcile takes about 0.1 s and a fleet polls every
                  // few seconds, so ten serve hundreds of fleets without a hundred idle stacks
                  .withConcurrentReconciliationThreads(RECONCILE_THREADS)
                  .withConcurrentWorkflowExecutorThreads(RECONCILE_THREADS)
                  .withMetrics(metrics)
                  .withCloseClientOnStop(false)
                  .withSSABasedCreateUpdateMatchForDependentResources(options.serverSideApply())
                  .withUseSSAToPatchPrimaryResource(options.serverSideApply());
              options.leaderElection().ifPresent(o::withLeaderElectionConfiguration);
            });
    var events = new FleetEvents(client, options.clock());
    var cycle =
        new ControlCycle(
            new PrometheusSignals(meters.control()::queries),
            new AdminClient(options.adminTimeout()),
            options.clock());
    var control =
        new FleetControl(
            cycle,
            alerts,
            options.addresses(),
            options.config(),
            client,
            events,
            meters.control(),
            options.clock());
    var reconciler =
        new ChaosFleetReconciler(
            options.config(),
            new PodMonitorCrd(options.clock(), Duration.ofMinutes(1)),
            new FleetStatusAggregator(options.clock()),
            events,
            meters.gauges(),
            control,
            alerts);
    operator.register(
        reconciler,
        o -> {
          o.withItemStore(new FleetStore(reconciler::forget));
          if (options.namespaces().isEmpty()) {
            o.watchingAllNamespaces();
          } else {
            o.settingNamespaces(options.namespaces());
          }
        });
    return operator;
  }
}
