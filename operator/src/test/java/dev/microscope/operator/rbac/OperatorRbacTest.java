package dev.microscope.operator.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microscope.operator.kube.FleetOperator;
import dev.microscope.operator.kube.OperatorConfig;
import dev.microscope.operator.observability.FleetGauges;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The RBAC drift gate: the operator runs its flows against a recording API server, once watching
 * listed namespaces and once watching all, and every request it makes must be granted by the
 * chart's single source of RBAC rules ({@link OperatorRules#FILE}), the way the chart grants them.
 * The other way round, every grant must be used, or be listed below with the reason no test makes
 * that call yet.
 */
class OperatorRbacTest {
  private static final String NS = "team-a";
  private static final String OPERATOR_NS = "microscope-system";

  /**
   * Granted, but no flow here makes the call. When a flow starts making one (the control loop with
   * its tests), its entry must go: {@link #noGrantIsKeptForACallThatIsMadeAnyway()} says so.
   */
  static final Map<Permission, String> GRANTED_FOR_CALLS_NOT_YET_MADE = notYetMade();

  private static OperatorRules rules;
  private static ServerSideApply serverSideApply;
  private static List<ApiCall> listedNamespaces;
  private static List<ApiCall> allNamespaces;

  private static Map<Permission, String> notYetMade() {
    var m = new LinkedHashMap<Permission, String>();
    m.put(
        new Permission("update", "coordination.k8s.io", "leases"),
        "leader election checks that it holds create, get and update before it starts");
    String loop = "control loop: ";
    m.put(
        new Permission("get", "", "pods"),
        loop + "quarantine reads the pod before it patches its labels");
    m.put(new Permission("delete", "", "pods"), loop + "restart a worker");
    m.put(new Permission("patch", "", "pods"), loop + "quarantine a worker (its labels)");
    m.put(new Permission("patch", "apps", "deployments/scale"), loop + "scale the workers");
    m.put(new Permission("get", "", "secrets"), loop + "Prometheus credentials a fleet names");
    return Map.copyOf(m);
  }

  @BeforeAll
  static void record() {
    rules = OperatorRules.load(repositoryRoot());
    listedNamespaces = recordFleetLifecycle(Set.of(NS));
    allNamespaces = recordFleetLifecycle(Set.of());
  }

  @Test
  void everyCallIsGrantedWhenWatchingListedNamespaces() {
    assertThat(notGranted(listedNamespaces, Set.of(NS)))
        .as(
            "calls of the operator that %s does not grant when it watches namespace %s",
            OperatorRules.FILE, NS)
        .isEmpty();
  }

  @Test
  void everyCallIsGrantedWhenWatchingAllNamespaces() {
    assertThat(notGranted(allNamespaces, Set.of()))
        .as(
            "calls of the operator that %s does not grant when it watches all namespaces",
            OperatorRules.FILE)
        .isEmpty();
  }

  @Test
  void everyGrantIsUsed() {
    var used = new TreeSet<String>();
    madeInCluster().map(Permission::of).map(Permission::toString).forEach(used::add);
    GRANTED_FOR_CALLS_NOT_YET_MADE.keySet().stream().map(Permission::toString).forEach(used::add);
    var unused =
        rules
            .all()
            .flatMap(OperatorRules.Rule::permissions)
            .map(Permission::toString)
            .filter(p -> !used.contains(p))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(unused)
        .as(
            "grants in %s that no call of the operator uses; remove them, or say in"
                + " GRANTED_FOR_CALLS_NOT_YET_MADE why they stay",
            OperatorRules.FILE)
        .isEmpty();
  }

  @Test
  void noGrantIsKeptForACallThatIsMadeAnyway() {
    var made = madeInCluster().map(Permission::of).collect(Collectors.toSet());
    assertThat(GRANTED_FOR_CALLS_NOT_YET_MADE.keySet())
        .as("calls the flows make now: drop them from GRANTED_FOR_CALLS_NOT_YET_MADE")
        .doesNotContainAnyElementsOf(made);
    var granted = rules.all().flatMap(OperatorRules.Rule::permissions).collect(Collectors.toSet());
    assertThat(granted)
        .as("GRANTED_FOR_CALLS_NOT_YET_MADE lists grants that %s does not make", OperatorRules.FILE)
        .containsAll(GRANTED_FOR_CALLS_NOT_YET_MADE.keySet());
  }

  @Test
  void noRuleHasAWildcard() {
    assertThat(rules.all().filter(OperatorRules.Rule::hasWildcard).toList()).isEmpty();
  }

  @Test
  void theFlowsReachEveryKindOfCall() {
    // A recording that saw little proves little: the flows create, change and delete objects,
    // watch, record events and hold the lease.
    var verbs = madeInCluster().map(ApiCall::verb).collect(Collectors.toSet());
    assertThat(verbs).contains("list", "watch", "get", "create", "patch", "delete");
    assertThat(listedNamespaces).anyMatch(c -> "leases".equals(c.resource()));
    assertThat(listedNamespaces).anyMatch(c -> "events".equals(c.resource()));
  }

  private Set<String> notGranted(List<ApiCall> calls, Set<String> watched) {
    return calls.stream()
        .filter(c -> !GrantedToEveryone.grants(c))
        .flatMap(serverSideApply::inCluster)
        .filter(c -> !rules.grants(c, watched, OPERATOR_NS))
        .map(ApiCall::toString)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * The resource calls of both recordings as a cluster sees them, those everyone may make aside.
   */
  private static Stream<ApiCall> madeInCluster() {
    return Stream.concat(listedNamespaces.stream(), allNamespaces.stream())
        .filter(c -> c.isResourceRequest() && !GrantedToEveryone.grants(c))
        .flatMap(serverSideApply::inCluster);
  }

  private static List<ApiCall> recordFleetLifecycle(Set<String> watched) {
    try (var cluster = new RecordingCluster(ns -> rules.heldIn(ns, watched, OPERATOR_NS))) {
      cluster.install("/META-INF/fabric8/chaosfleets.microscope.dev-v1.yml");
      cluster.install("/podmonitor-crd.yaml");
      cluster.install("/prometheusrule-crd.yaml");
      var options =
          new FleetOperator.Options(
              OperatorConfig.defaults("1.2.3"),
              watched,
              Optional.of(
                  LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(
                          "microscope-operator")
                      .withLeaseNamespace(OPERATOR_NS)
                      // in a pod, losing the lease ends the process; here it would end the JVM
                      .withExitOnStopLeading(false)
                      .build()),
              false,
              Clock.systemUTC());
      var operator =
          FleetOperator.create(
              cluster.operatorClient(),
              options,
              Metrics.NOOP,
              new FleetGauges(new SimpleMeterRegistry()));
      serverSideApply = new ServerSideApply(operator.getConfigurationService());
      operator.start();
      try {
        new FleetLifecycle(cluster.testClient(), NS).run();
      } finally {
        operator.stop();
      }
      return cluster.operatorCalls();
    }
  }

  private static Path repositoryRoot() {
    return Path.of(System.getProperty("microscope.repositoryRoot", ".."))
        .toAbsolutePath()
        .normalize();
  }
}
