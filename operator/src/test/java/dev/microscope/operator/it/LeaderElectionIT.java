package dev.microscope.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two operator replicas with leader election, as a Deployment with two replicas runs them: one
 * leads and acts, the other waits and does nothing; when the leader stops, the other takes the
 * Lease once it expires and carries on, without doing again what was done.
 */
@ExtendWith(RealCluster.class)
class LeaderElectionIT {
  private static final String LEASE = "microscope-operator";

  /** Lease expiry plus one retry of the follower: the longest a takeover may take. */
  private static final Duration TAKEOVER =
      LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE.plus(
          LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE);

  @Test
  void oneLeadsAndTheOtherTakesOverWhenItStops(ControlPlane cluster, TestNamespace namespace) {
    var fleet = new FleetUnderTest(cluster.admin(), namespace.name(), "led");
    try (var first = replica(cluster, namespace, "replica-a")) {
      await("replica-a leads")
          .atMost(FleetUnderTest.WAIT)
          .until(() -> holder(cluster, namespace), "replica-a"::equals);
      try (var second = replica(cluster, namespace, "replica-b")) {
        FleetLifecycle.created(fleet);
        assertThat(second.reconciles()).as("reconciles of the follower").isZero();
        assertThat(holder(cluster, namespace)).isEqualTo("replica-a");

        var stopped = System.nanoTime();
        first.close();
        await("replica-b takes over")
            .atMost(TAKEOVER.plus(Duration.ofSeconds(15)))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> holder(cluster, namespace), "replica-b"::equals);
        var takeover = Duration.ofNanos(System.nanoTime() - stopped);
        System.out.printf(
            "leader election: takeover %d ms after the leader stopped%n", takeover.toMillis());
        assertThat(takeover).isLessThanOrEqualTo(TAKEOVER.plus(Duration.ofSeconds(3)));

        // the new leader acts on what changes, and does not do again what was done
        await("replica-b reconciles")
            .atMost(FleetUnderTest.WAIT)
            .until(() -> second.reconciles() > 0);
        fleet.edit(f -> f.getSpec().getWorkers().getReplicas().setMin(3));
        await("replica-b scales the workers")
            .atMost(FleetUnderTest.WAIT)
            .until(() -> fleet.dependent(Deployment.class, "workers").getSpec().getReplicas() == 3);
        fleet.awaitSettled(FleetLifecycle.QUIET);
        assertThat(fleet.events("Created"))
            .as("objects created once, by the first leader")
            .hasSize(9);
        assertThat(fleet.events()).doesNotHaveDuplicates();
        assertThat(fleet.events("Scaled"))
            .containsExactly("Scaled: Scaled worker pods from 2 to 3");
        fleet.assertOnlyTheOperatorWritesDependents();
        assertThat(second.failures()).isEmpty();
      }
    }
  }

  private static InProcessOperator replica(
      ControlPlane cluster, TestNamespace namespace, String name) {
    return InProcessOperator.start(
        cluster.adminConfig(),
        "--namespaces",
        namespace.name(),
        "--leader-election",
        "--lease-name",
        LEASE,
        "--lease-namespace",
        namespace.name(),
        "--lease-identity",
        name);
  }

  private static String holder(ControlPlane cluster, TestNamespace namespace) {
    var lease =
        cluster.admin().resources(Lease.class).inNamespace(namespace.name()).withName(LEASE).get();
    return lease == null ? null : lease.getSpec().getHolderIdentity();
  }
}
