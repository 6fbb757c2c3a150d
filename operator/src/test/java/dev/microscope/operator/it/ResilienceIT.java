package dev.microscope.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.kube.Conditions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a busy or unsteady cluster does to the operator: writers racing it on the same fleet (409
 * Conflict), someone overwriting its status, and the API server going away and coming back with the
 * same etcd. Nothing the operator reported may be lost, and it must keep following the spec.
 */
@ExtendWith(RealCluster.class)
class ResilienceIT {
  /** Spec edits made in a row while the operator reconciles. */
  private static final int RACING_EDITS = 60;

  @Test
  void writersRacingTheOperatorCauseConflictsButLoseNoStatus(
      ControlPlane cluster, TestNamespace namespace) {
    try (var operator = operator(cluster, namespace)) {
      var fleet = new FleetUnderTest(cluster.admin(), namespace.name(), "raced");
      FleetLifecycle.created(fleet);

      // the owner's script changes the traffic rate again and again while someone else moves the
      // worker bounds: the operator writes status after each change, and every write it bases on
      // what it read may have gone stale in between
      var racer =
          CompletableFuture.runAsync(
              () -> {
                for (int rate = 1; rate <= RACING_EDITS; rate++) {
                  var next = rate;
                  fleet.edit(f -> f.getSpec().getTraffic().setRate(next));
                }
              });
      for (int min = 2; min <= 4; min++) {
        var bound = min;
        fleet.edit(f -> f.getSpec().getWorkers().getReplicas().setMin(bound));
      }
      racer.join();

      await("status follows the last spec")
          .atMost(FleetUnderTest.WAIT)
          .untilAsserted(
              () -> {
                var current = fleet.get();
                var status = current.getStatus();
                assertThat(status.getObservedGeneration())
                    .isEqualTo(current.getMetadata().getGeneration());
                assertThat(status.getWorkers().getDesired()).isEqualTo(4);
                assertEveryCondition(status);
                assertThat(fleet.dependent(Deployment.class, "workers").getSpec().getReplicas())
                    .isEqualTo(4);
                assertThat(fleet.dependent(ConfigMap.class, "config").getData().get("traffic.json"))
                    .contains("\"rate\" : " + (double) RACING_EDITS);
              });
      fleet.awaitSettled(FleetLifecycle.QUIET);
      System.out.printf(
          "conflicts: the operator's client got %d answers 409 during %d racing spec edits%n",
          operator.conflicts(), RACING_EDITS);
      assertThat(operator.conflicts()).as("409 answers the operator met").isPositive();
      assertThat(operator.failures()).as("failed reconciles").isEmpty();
      assertThat(fleet.events("Created")).hasSize(9);
      fleet.assertOnlyTheOperatorWritesDependents();
    }
  }

  @Test
  void aStatusOverwrittenBySomeoneElseIsRepaired(ControlPlane cluster, TestNamespace namespace) {
    try (var operator = operator(cluster, namespace)) {
      var fleet = new FleetUnderTest(cluster.admin(), namespace.name(), "overwritten");
      FleetLifecycle.created(fleet);
      var reported = fleet.get().getStatus();

      cluster
          .admin()
          .resource(fleet.get())
          .editStatus(
              f -> {
                f.setStatus(new ChaosFleetStatus());
                return f;
              });

      await("status repaired")
          .atMost(FleetUnderTest.WAIT)
          .untilAsserted(
              () -> {
                var status = fleet.get().getStatus();
                assertThat(status.getObservedGeneration())
                    .isEqualTo(reported.getObservedGeneration());
                assertThat(status.getWorkers())
                    .usingRecursiveComparison()
                    .isEqualTo(reported.getWorkers());
                assertThat(status.getChaosLevel()).isEqualTo(reported.getChaosLevel());
                assertEveryCondition(status);
              });
      assertThat(operator.failures()).isEmpty();
    }
  }

  @Test
  void anApiServerRestartLosesNothing(ControlPlane cluster, TestNamespace namespace) {
    try (var operator = operator(cluster, namespace)) {
      var fleet = new FleetUnderTest(cluster.admin(), namespace.name(), "restarted");
      FleetLifecycle.created(fleet);
      var before = fleet.get();

      cluster.stopApiServer();
      cluster.startApiServer();

      // what etcd kept is all there, and the operator, reconnected, follows the next change
      var after = fleet.get();
      // the control loop kept polling meanwhile (there is no Prometheus here): its counters,
      // messages and log moved on, everything else is as etcd kept it
      assertThat(after.getStatus())
          .usingRecursiveComparison()
          .ignoringFields("control", "decisions")
          .ignoringFieldsMatchingRegexes(".*message")
          .isEqualTo(before.getStatus());
      assertThat(after.getStatus().getDecisions())
          .as("no decision was lost")
          .extracting(
              d -> d.getRule() + " " + d.getAction() + " " + d.getTarget() + " " + d.getResult())
          .containsAll(
              before.getStatus().getDecisions().stream()
                  .map(
                      d ->
                          d.getRule()
                              + " "
                              + d.getAction()
                              + " "
                              + d.getTarget()
                              + " "
                              + d.getResult())
                  .toList());
      fleet.edit(f -> f.getSpec().getWorkers().getReplicas().setMin(3));
      await("operator follows a change made after the restart")
          .atMost(FleetUnderTest.WAIT)
          .untilAsserted(
              () -> {
                assertThat(fleet.dependent(Deployment.class, "workers").getSpec().getReplicas())
                    .isEqualTo(3);
                var status = fleet.get().getStatus();
                assertThat(status.getObservedGeneration()).isEqualTo(2L);
                assertThat(status.getWorkers().getDesired()).isEqualTo(3);
                assertEveryCondition(status);
              });
      await("event sources healthy again").atMost(FleetUnderTest.WAIT).until(operator::healthy);
      fleet.awaitSettled(FleetLifecycle.QUIET);
      assertThat(fleet.events("Created")).as("nothing created twice").hasSize(9);
      assertThat(fleet.events()).as("nothing told twice").doesNotHaveDuplicates();
      fleet.assertOnlyTheOperatorWritesDependents();
    }
  }

  private static void assertEveryCondition(ChaosFleetStatus status) {
    assertThat(status.getConditions())
        .extracting(c -> c.getType())
        .containsExactlyInAnyOrderElementsOf(Conditions.ORDER);
  }

  private static InProcessOperator operator(ControlPlane cluster, TestNamespace namespace) {
    return InProcessOperator.start(cluster.adminConfig(), "--namespaces", namespace.name());
  }
}
