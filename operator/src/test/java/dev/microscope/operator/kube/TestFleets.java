package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ErrorFault;
import dev.microscope.operator.api.v1alpha1.LatencyFault;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Fleets and plans for tests. */
final class TestFleets {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

  private TestFleets() {}

  /** A valid fleet with spec defaults, latency and error faults. */
  static ChaosFleet fleet(String name) {
    var fleet = ChaosFleet.withDefaultSpec();
    fleet.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace("team-a")
            .withUid("uid-" + name)
            .withGeneration(1L)
            .build());
    var latency = new LatencyFault();
    latency.setProbability(0.5);
    latency.setMinMs(100);
    latency.setMaxMs(800);
    fleet.getSpec().getChaos().setLatency(latency);
    var errors = new ErrorFault();
    errors.setRate(0.2);
    fleet.getSpec().getChaos().setErrors(errors);
    return fleet;
  }

  static FleetPlan plan(ChaosFleet fleet, boolean podMonitors) {
    return FleetPlan.of(
        fleet, OperatorConfig.defaults("1.2.3"), podMonitors, new FleetEvents(null, CLOCK));
  }
}
