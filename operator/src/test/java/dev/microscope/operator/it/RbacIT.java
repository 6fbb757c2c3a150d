package dev.microscope.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * RBAC for real: the operator's client impersonates the ServiceAccount of helm/microscope, bound to
 * the roles the chart renders, and runs with the flags of the chart's Deployment (plus the test's
 * namespace, so it sees no other test's fleets). The whole life of a fleet works with exactly those
 * rights; without one of them the operator says which call was forbidden.
 */
@ExtendWith(RealCluster.class)
class RbacIT {
  @Test
  void theChartGrantsEverythingAFleetsLifeNeeds(ControlPlane cluster, TestNamespace namespace) {
    var rbac =
        ChartRbac.render(cluster.admin(), release(namespace), namespace.name())
            .apply(cluster.admin());
    try (var operator = start(cluster, namespace, rbac)) {
      FleetLifecycle.run(new FleetUnderTest(cluster.admin(), namespace.name(), "least"), operator);
    }
  }

  @Test
  void withoutPatchOnDeploymentsTheFailureNamesTheCall(
      ControlPlane cluster, TestNamespace namespace) {
    var rbac =
        ChartRbac.render(cluster.admin(), release(namespace), namespace.name())
            .withClusterRules(rules -> withoutVerb(rules, "apps", "deployments", "patch"))
            .apply(cluster.admin());
    try (var operator = start(cluster, namespace, rbac)) {
      new FleetUnderTest(cluster.admin(), namespace.name(), "denied").create();

      await("a failed reconcile")
          .atMost(FleetUnderTest.WAIT)
          .until(() -> !operator.failures().isEmpty());
      assertThat(messages(operator.failures().getFirst()))
          .contains("system:serviceaccount:" + namespace.name() + ":")
          .contains("cannot patch resource \"deployments\" in API group \"apps\"");
    }
  }

  @Test
  void withoutListingConfigMapsTheOperatorDoesNotStartAndSaysWhy(
      ControlPlane cluster, TestNamespace namespace) {
    var rbac =
        ChartRbac.render(cluster.admin(), release(namespace), namespace.name())
            .withClusterRules(rules -> withoutVerb(rules, "", "configmaps", "list"))
            .apply(cluster.admin());

    var failure = catchThrowable(() -> start(cluster, namespace, rbac).close());

    assertThat(failure)
        .as("the operator must not start without watching its ConfigMaps")
        .isNotNull();
    assertThat(messages(failure)).contains("cannot list resource \"configmaps\"");
  }

  private static InProcessOperator start(
      ControlPlane cluster, TestNamespace namespace, ChartRbac rbac) {
    var flags = new ArrayList<>(rbac.operatorFlags());
    flags.addAll(List.of("--namespaces", namespace.name()));
    return InProcessOperator.start(
        rbac.impersonating(cluster.adminConfig()), flags.toArray(String[]::new));
  }

  /** A release per test: the ClusterRole and its binding are named after it. */
  private static String release(TestNamespace namespace) {
    return "ms-" + namespace.name().substring(namespace.name().lastIndexOf('-') + 1);
  }

  /** The rules with one verb taken from the rule that grants it on {@code resource}. */
  private static List<PolicyRule> withoutVerb(
      List<PolicyRule> rules, String group, String resource, String verb) {
    var changed = new ArrayList<PolicyRule>();
    var removed = false;
    for (var rule : rules) {
      if (rule.getApiGroups().contains(group)
          && rule.getResources().contains(resource)
          && rule.getVerbs().contains(verb)) {
        Assertions.assertThat(rule.getResources()).as("a rule of %s alone", resource).hasSize(1);
        var verbs = new ArrayList<>(rule.getVerbs());
        verbs.remove(verb);
        rule.setVerbs(verbs);
        removed = true;
      }
      changed.add(rule);
    }
    assertThat(removed).as("the chart grants %s on %s", verb, resource).isTrue();
    return changed;
  }

  /** Every message in a cause chain, where JOSDK wraps what the API server said. */
  private static String messages(Throwable failure) {
    return Stream.iterate(failure, t -> t != null, Throwable::getCause)
        .map(String::valueOf)
        .reduce("", (a, b) -> a + "\n" + b);
  }
}
