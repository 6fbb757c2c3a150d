package dev.microscope.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.operator.kube.Conditions;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.time.Duration;

/**
 * The life of a fleet on a real cluster, step by step: created, changed, broken and fixed, paused,
 * deleted. Run by an operator with cluster-admin rights ({@link FleetLifecycleIT}) and by one under
 * the chart's RBAC ({@link RbacIT}).
 */
final class FleetLifecycle {
  /** How long nothing may change before a fleet counts as settled. */
  static final Duration QUIET = Duration.ofSeconds(6);

  private FleetLifecycle() {}

  static void run(FleetUnderTest fleet, InProcessOperator operator) {
    created(fleet);
    specChanged(fleet);
    brokenAndFixed(fleet);
    paused(fleet);
    deleted(fleet);
    assertThat(operator.failures()).as("failed reconciles").isEmpty();
  }

  /** Every dependent, applied by the operator alone; status; the controllers act on them. */
  static void created(FleetUnderTest fleet) {
    fleet.create();
    fleet.awaitDependents();
    await("status of a new fleet")
        .atMost(FleetUnderTest.WAIT)
        .untilAsserted(
            () -> {
              var status = fleet.get().getStatus();
              assertThat(status).isNotNull();
              assertThat(status.getObservedGeneration()).isEqualTo(1L);
              assertThat(status.getWorkers().getDesired()).isEqualTo(2);
              assertThat(fleet.condition(Conditions.READY).getReason())
                  .isEqualTo("WorkersNotReady");
              // no Prometheus is configured here: the loop cannot see, so chaos stays off
              assertThat(fleet.condition(Conditions.PROMETHEUS_REACHABLE).getStatus())
                  .isEqualTo(Conditions.FALSE);
              assertThat(fleet.condition(Conditions.PROMETHEUS_REACHABLE).getReason())
                  .isEqualTo("QueryFailed");
              assertThat(fleet.condition(Conditions.SAFE_MODE).getStatus())
                  .isEqualTo(Conditions.TRUE);
              assertThat(fleet.condition(Conditions.CHAOS_ACTIVE).getStatus())
                  .isEqualTo(Conditions.FALSE);
            });
    var workers = fleet.dependent(Deployment.class, "workers");
    assertThat(workers.getSpec().getReplicas()).isEqualTo(2);
    assertThat(workers.getSpec().getTemplate().getSpec().getContainers().getFirst().getArgs())
        .containsSubsequence("--workers", "1");
    // the controller manager's Deployment controller made a ReplicaSet of the workers
    await("ReplicaSet of " + workers.getMetadata().getName())
        .atMost(FleetUnderTest.WAIT)
        .until(() -> !fleet.labelled(ReplicaSet.class).isEmpty());

    fleet.awaitSettled(QUIET);
    fleet.assertOnlyTheOperatorWritesDependents();
    assertThat(fleet.events()).as("events of a new fleet, each told once").doesNotHaveDuplicates();
    assertThat(fleet.events("Created")).hasSize(9);
    assertThat(fleet.events("Updated")).as("updates of a fleet nobody changed").isEmpty();
  }

  /** The dependents follow a spec change; the admin token stays; each object is applied once. */
  static void specChanged(FleetUnderTest fleet) {
    var token = fleet.dependent(Secret.class, "admin").getData().get("token");
    fleet.edit(
        f -> {
          f.getSpec().getWorkers().setWorkersPerPod(4);
          f.getSpec().getWorkers().getReplicas().setMin(3);
          f.getSpec().getTraffic().setRate(42);
          f.getSpec().setQuota(null);
        });
    await("dependents follow the spec change")
        .atMost(FleetUnderTest.WAIT)
        .untilAsserted(
            () -> {
              var workers = fleet.dependent(Deployment.class, "workers");
              assertThat(workers.getSpec().getReplicas()).isEqualTo(3);
              assertThat(
                      workers
                          .getSpec()
                          .getTemplate()
                          .getSpec()
                          .getContainers()
                          .getFirst()
                          .getArgs())
                  .containsSubsequence("--workers", "4");
              assertThat(fleet.dependent(ConfigMap.class, "config").getData().get("traffic.json"))
                  .contains("\"rate\" : 42.0");
              assertThat(fleet.dependent(ResourceQuota.class, "quota")).isNull();
              assertThat(fleet.dependent(LimitRange.class, "limits")).isNull();
              var status = fleet.get().getStatus();
              assertThat(status.getObservedGeneration()).isEqualTo(2L);
              assertThat(status.getWorkers().getDesired()).isEqualTo(12);
            });
    fleet.awaitSettled(QUIET);
    fleet.assertOnlyTheOperatorWritesDependents();
    assertThat(fleet.dependent(Secret.class, "admin").getData().get("token")).isEqualTo(token);
    assertThat(fleet.events("Scaled")).containsExactly("Scaled: Scaled worker pods from 2 to 3");
    assertThat(fleet.events("Updated"))
        .as("each changed object updated once, nothing else touched")
        .containsExactlyInAnyOrder(
            "Updated: Updated Deployment " + fleet.name() + "-workers",
            "Updated: Updated ConfigMap " + fleet.name() + "-config");
  }

  /** A spec the schema takes but the operator refuses: said in status, nothing touched. */
  static void brokenAndFixed(FleetUnderTest fleet) {
    var before = fleet.dependent(Deployment.class, "workers").getMetadata().getGeneration();
    fleet.edit(f -> f.getSpec().getWorkers().getReplicas().setMin(9));
    await("InvalidSpec")
        .atMost(FleetUnderTest.WAIT)
        .untilAsserted(
            () -> {
              var ready = fleet.condition(Conditions.READY);
              assertThat(ready.getStatus()).isEqualTo(Conditions.FALSE);
              assertThat(ready.getReason()).isEqualTo("InvalidSpec");
              assertThat(ready.getMessage()).contains("spec.workers.replicas.min");
            });
    assertThat(fleet.dependent(Deployment.class, "workers").getMetadata().getGeneration())
        .isEqualTo(before);
    fleet.edit(f -> f.getSpec().getWorkers().getReplicas().setMin(3));
    await("valid again")
        .atMost(FleetUnderTest.WAIT)
        .untilAsserted(
            () ->
                assertThat(fleet.condition(Conditions.READY).getReason())
                    .isNotEqualTo("InvalidSpec"));
    fleet.awaitSettled(QUIET);
  }

  /** The pause annotation: status says so, chaos drops to zero. */
  static void paused(FleetUnderTest fleet) {
    fleet.pause();
    await("paused")
        .atMost(FleetUnderTest.WAIT)
        .untilAsserted(
            () -> {
              assertThat(fleet.condition(Conditions.PAUSED).getStatus()).isEqualTo(Conditions.TRUE);
              assertThat(fleet.condition(Conditions.CHAOS_ACTIVE).getReason()).isEqualTo("Paused");
              assertThat(fleet.get().getStatus().getChaosLevel()).isZero();
              assertThat(fleet.dependent(ConfigMap.class, "chaos").getData().get("chaos.json"))
                  .contains("\"level\" : 0.0");
            });
    fleet.awaitSettled(QUIET);
    fleet.assertOnlyTheOperatorWritesDependents();
  }

  /** Deleted: the operator lets go, the garbage collector removes everything it owned. */
  static void deleted(FleetUnderTest fleet) {
    fleet.deleteAndAwaitCollected();
  }
}
