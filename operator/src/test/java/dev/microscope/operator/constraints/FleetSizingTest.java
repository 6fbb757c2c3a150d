package dev.microscope.operator.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ChaosFleetSpec;
import dev.microscope.operator.api.v1alpha1.ChaosFleetValidator;
import dev.microscope.operator.api.v1alpha1.ConstraintsSpec;
import dev.microscope.operator.api.v1alpha1.SpecViolation;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

class FleetSizingTest {
  @Test
  void noConstraintsNoSizing() {
    assertThat(FleetSizing.of(new ChaosFleetSpec())).isEmpty();
  }

  @Test
  void defaultConstraintsClampTheSpecMaximum() {
    var spec = constrained("256Mi", null, 10);
    spec.getWorkers().getReplicas().setMax(5);

    var sizing = FleetSizing.of(spec).orElseThrow();

    assertThat(sizing.maxPods()).isEqualTo(1);
    assertThat(sizing.committedBytes()).isLessThanOrEqualTo(256L << 20);
  }

  @Test
  void validatorRefusesAFleetThatCannotFitNamingTheField() {
    var fleet = fleet(constrained("200Mi", null, 10));

    var violations = new ChaosFleetValidator().validate(fleet);

    assertThat(violations)
        .singleElement()
        .extracting(SpecViolation::field)
        .isEqualTo("spec.constraints.memoryBudget");
    assertThat(violations.get(0).problem()).startsWith("is 200Mi but the operator (88Mi)");
  }

  @Test
  void validatorNamesAMalformedCpuAndDelay() {
    var spec = constrained("256Mi", "lots", 10);
    spec.getConstraints().setNetworkDelay("soon");

    assertThat(new ChaosFleetValidator().validate(fleet(spec)))
        .extracting(SpecViolation::field)
        .containsExactly("spec.constraints.networkDelay", "spec.constraints.cpu");
  }

  @Test
  void validatorAcceptsAFleetThatFits() {
    assertThat(new ChaosFleetValidator().validate(fleet(constrained("256Mi", "1", 10)))).isEmpty();
  }

  private static ChaosFleetSpec constrained(String memory, String cpu, int perPod) {
    var spec = new ChaosFleetSpec();
    var constraints = new ConstraintsSpec();
    constraints.setMemoryBudget(memory);
    constraints.setCpu(cpu);
    spec.setConstraints(constraints);
    spec.getWorkers().setWorkersPerPod(perPod);
    return spec;
  }

  private static ChaosFleet fleet(ChaosFleetSpec spec) {
    var fleet = new ChaosFleet();
    fleet.setMetadata(new ObjectMetaBuilder().withName("small").withNamespace("ns").build());
    fleet.setSpec(spec);
    return fleet;
  }
}
