package dev.microscope.operator.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.api.v1alpha1.ConstraintsSpec;
import dev.microscope.operator.api.v1alpha1.WorkersStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

/** In constraints mode the pods carry the sized JVM flags and limits, and never more pods. */
class ConstrainedDependentsTest {
  @Test
  void workerPodsGetSizedFlagsAndLimitsThenTheSpecsOwnOptions() {
    var fleet = constrained();
    fleet.getSpec().getWorkers().setJvmOptions("-Dextra=1");

    var c =
        new WorkerDeployment()
            .desired(TestFleets.plan(fleet, false))
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);

    assertThat(c.getResources().getLimits())
        .containsEntry("memory", new Quantity("79Mi"))
        .containsEntry("cpu", new Quantity("800m"));
    assertThat(c.getResources().getRequests()).isEqualTo(c.getResources().getLimits());
    assertThat(c.getEnv())
        .filteredOn(e -> e.getName().equals("JAVA_TOOL_OPTIONS"))
        .singleElement()
        .extracting(EnvVar::getValue)
        .asString()
        .startsWith("-Xms8m -Xmx15m ")
        .contains("-XX:+ExitOnOutOfMemoryError")
        .endsWith(" -Dextra=1");
  }

  @Test
  void trafficGeneratorIsSizedToo() {
    var c =
        new LoadgenDeployment()
            .desired(TestFleets.plan(constrained(), false))
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);

    assertThat(c.getResources().getLimits()).containsEntry("memory", new Quantity("80Mi"));
    assertThat(c.getEnv()).extracting(EnvVar::getName).containsExactly("JAVA_TOOL_OPTIONS");
  }

  @Test
  void replicasChosenAboveWhatFitsAreClamped() {
    var fleet = constrained();
    var status = new ChaosFleetStatus();
    status.setWorkers(new WorkersStatus());
    status.getWorkers().setReplicas(5);
    fleet.setStatus(status);

    assertThat(Scale.replicas(fleet)).isEqualTo(1);
  }

  @Test
  void withoutConstraintsNothingChanges() {
    var fleet = TestFleets.fleet("demo");
    var c =
        new LoadgenDeployment()
            .desired(TestFleets.plan(fleet, false))
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);
    assertThat(c.getEnv()).isEmpty();
    assertThat(c.getResources().getLimits()).containsEntry("memory", new Quantity("256Mi"));
  }

  private static ChaosFleet constrained() {
    var fleet = TestFleets.fleet("demo");
    var constraints = new ConstraintsSpec();
    constraints.setCpu("1");
    fleet.getSpec().setConstraints(constraints);
    fleet.getSpec().getWorkers().setWorkersPerPod(10);
    fleet.getSpec().getWorkers().getReplicas().setMax(5);
    return fleet;
  }
}
