package dev.microscope.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.api.v1alpha1.FleetCondition;
import dev.microscope.operator.api.v1alpha1.SpecViolation;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetStatusAggregatorTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant T1 = Instant.parse("2025-01-01T00:05:00Z");

  @Test
  void readyWhenEveryWorkerPodAndTheTrafficGeneratorAreReady() {
    var fleet = TestFleets.fleet("demo");
    fleet.getSpec().getWorkers().setWorkersPerPod(10);
    var status = at(T0).aggregate(seen(fleet, List.of(), deployment(2, 2), deployment(1, 1)));

    assertThat(status.getObservedGeneration()).isEqualTo(1L);
    assertThat(status.getWorkers().getDesired()).isEqualTo(20);
    assertThat(status.getWorkers().getReady()).isEqualTo(20);
    assertThat(status.getChaosLevel()).isEqualTo(1.0);
    assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
    assertThat(condition(status, "Progressing").getReason()).isEqualTo("Stable");
    assertThat(condition(status, "ChaosActive").getStatus()).isEqualTo("True");
    assertThat(condition(status, "Paused").getStatus()).isEqualTo("False");
    assertThat(condition(status, "PrometheusReachable").getStatus()).isEqualTo("Unknown");
    assertThat(status.getConditions())
        .extracting(FleetCondition::getType)
        .containsExactlyElementsOf(Conditions.ORDER);
  }

  @Test
  void keepsLastTransitionTimeWhileTheStatusDoesNotChange() {
    var fleet = TestFleets.fleet("demo");
    var first = at(T0).aggregate(seen(fleet, List.of(), deployment(2, 1), deployment(1, 1)));
    fleet.setStatus(first);
    var second = at(T1).aggregate(seen(fleet, List.of(), deployment(2, 2), deployment(1, 1)));
    fleet.setStatus(second);
    var third =
        at(T1.plusSeconds(60))
            .aggregate(seen(fleet, List.of(), deployment(2, 2), deployment(1, 1)));

    assertThat(condition(first, "Ready").getReason()).isEqualTo("WorkersNotReady");
    assertThat(condition(first, "Ready").getMessage()).isEqualTo("1 of 2 worker pods ready.");
    assertThat(condition(second, "Ready").getLastTransitionTime()).isEqualTo(T1.toString());
    assertThat(condition(second, "Paused").getLastTransitionTime()).isEqualTo(T0.toString());
    assertThat(third).usingRecursiveComparison().isEqualTo(second);
  }

  @Test
  void invalidSpecSaysWhichFieldAndKeepsTheControlLoopsChoices() {
    var fleet = TestFleets.fleet("demo");
    var previous = new ChaosFleetStatus();
    previous.setChaosLevel(0.3);
    var reachable = new FleetCondition("PrometheusReachable", "True", "Queried", "ok");
    reachable.setLastTransitionTime(T0.toString());
    previous.getConditions().add(reachable);
    fleet.setStatus(previous);
    var violation = new SpecViolation("spec.workers.replicas.min", "is 9, above replicas.max (5)");

    var status = at(T1).aggregate(seen(fleet, List.of(violation), null, null));

    var ready = condition(status, "Ready");
    assertThat(ready.getStatus()).isEqualTo("False");
    assertThat(ready.getReason()).isEqualTo("InvalidSpec");
    assertThat(ready.getMessage())
        .isEqualTo("Invalid spec: spec.workers.replicas.min: is 9, above replicas.max (5).");
    assertThat(condition(status, "ChaosActive").getReason()).isEqualTo("InvalidSpec");
    assertThat(status.getChaosLevel()).isEqualTo(0.3);
    assertThat(condition(status, "PrometheusReachable"))
        .usingRecursiveComparison()
        .isEqualTo(reachable);
  }

  @Test
  void pausedFleetSaysSoAndRunsNoChaos() {
    var fleet = TestFleets.fleet("demo");
    fleet.getMetadata().setAnnotations(Map.of(ChaosFleet.PAUSED_ANNOTATION, "true"));
    var status = at(T0).aggregate(seen(fleet, List.of(), deployment(2, 2), deployment(1, 1)));
    assertThat(condition(status, "Paused").getStatus()).isEqualTo("True");
    assertThat(condition(status, "Paused").getReason()).isEqualTo("PauseAnnotation");
    assertThat(condition(status, "ChaosActive").getReason()).isEqualTo("Paused");
    assertThat(status.getChaosLevel()).isZero();
  }

  @Test
  void degradedWhenTheDeploymentReportsAFailure() {
    var fleet = TestFleets.fleet("demo");
    var failing = deployment(2, 0);
    failing
        .getStatus()
        .setConditions(
            List.of(
                new io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder()
                    .withType("Progressing")
                    .withStatus("False")
                    .withReason("ProgressDeadlineExceeded")
                    .withMessage("ReplicaSet has timed out progressing.")
                    .build()));
    var status = at(T0).aggregate(seen(fleet, List.of(), failing, deployment(1, 1)));
    assertThat(condition(status, "Degraded").getStatus()).isEqualTo("True");
    assertThat(condition(status, "Degraded").getReason()).isEqualTo("ProgressDeadlineExceeded");
    assertThat(condition(status, "Progressing").getStatus()).isEqualTo("True");
  }

  @Test
  void noChaosWithoutFaults() {
    var fleet = TestFleets.fleet("calm");
    fleet.getSpec().getChaos().setLatency(null);
    fleet.getSpec().getChaos().setErrors(null);
    var status = at(T0).aggregate(seen(fleet, List.of(), deployment(2, 2), deployment(1, 1)));
    assertThat(condition(status, "ChaosActive").getReason()).isEqualTo("NoFaults");
  }

  @Test
  void takesTheControlLoopsConditionsAndKeepsThemBetweenCycles() {
    var fleet = TestFleets.fleet("demo");
    var control =
        List.of(
            new FleetCondition("PrometheusReachable", "True", "Answering", "ok"),
            new FleetCondition("SafeMode", "False", "PrometheusReadable", "acts"),
            new FleetCondition("BudgetExhausted", "False", "BudgetLeft", "0.9 left"),
            new FleetCondition("Degraded", "True", "WorkersUnwell", "w-1 about to oom"));
    var first =
        at(T0)
            .aggregate(
                new FleetObservation(
                    fleet,
                    List.of(),
                    2,
                    1.0,
                    deployment(2, 2),
                    deployment(1, 1),
                    java.util.Optional.of(control)));
    fleet.setStatus(first);
    // a reconcile without a cycle keeps what the last cycle said
    var between = at(T1).aggregate(seen(fleet, List.of(), deployment(2, 2), deployment(1, 1)));

    for (var status : List.of(first, between)) {
      assertThat(condition(status, "PrometheusReachable").getReason()).isEqualTo("Answering");
      assertThat(condition(status, "BudgetExhausted").getStatus()).isEqualTo("False");
      assertThat(condition(status, "Degraded").getReason()).isEqualTo("WorkersUnwell");
    }
    assertThat(condition(between, "Degraded").getLastTransitionTime()).isEqualTo(T0.toString());

    // trouble of the worker Deployment comes first
    var failing = deployment(2, 1);
    failing
        .getStatus()
        .setConditions(
            List.of(
                new io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder()
                    .withType("ReplicaFailure")
                    .withStatus("True")
                    .withReason("FailedCreate")
                    .withMessage("quota exceeded")
                    .build()));
    fleet.setStatus(between);
    var broken = at(T1).aggregate(seen(fleet, List.of(), failing, deployment(1, 1)));
    assertThat(condition(broken, "Degraded").getReason()).isEqualTo("FailedCreate");
  }

  private static FleetStatusAggregator at(Instant now) {
    return new FleetStatusAggregator(Clock.fixed(now, ZoneOffset.UTC));
  }

  private static FleetObservation seen(
      ChaosFleet fleet, List<SpecViolation> violations, Deployment workers, Deployment loadgen) {
    return new FleetObservation(
        fleet, violations, Scale.replicas(fleet), ChaosLevel.current(fleet), workers, loadgen);
  }

  private static Deployment deployment(int replicas, int ready) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withGeneration(1L)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .endSpec()
        .withNewStatus()
        .withObservedGeneration(1L)
        .withReplicas(replicas)
        .withUpdatedReplicas(replicas)
        .withReadyReplicas(ready)
        .endStatus()
        .build();
  }

  private static FleetCondition condition(ChaosFleetStatus status, String type) {
    return Conditions.find(status.getConditions(), type).orElseThrow();
  }
}
