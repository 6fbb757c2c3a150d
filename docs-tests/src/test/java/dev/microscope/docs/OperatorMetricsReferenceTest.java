package dev.microscope.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ChaosFleetSpec;
import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.api.v1alpha1.ErrorFault;
import dev.microscope.operator.control.Decision;
import dev.microscope.operator.control.Signals;
import dev.microscope.operator.control.Trigger;
import dev.microscope.operator.loop.Actuator;
import dev.microscope.operator.loop.AdminClient;
import dev.microscope.operator.loop.ControlCycle;
import dev.microscope.operator.loop.CycleInput;
import dev.microscope.operator.loop.FleetRef;
import dev.microscope.operator.loop.FleetSnapshot;
import dev.microscope.operator.loop.WorkerHost;
import dev.microscope.operator.observability.OperatorMetrics;
import dev.microscope.operator.prometheus.QueryResult;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The operator table of docs/reference/metrics.md is exactly what the operator's registry exports
 * once a fleet is known, a cycle that aborts chaos has run and its queries were counted; its JVM
 * table is what the registry's JVM binders export.
 */
class OperatorMetricsReferenceTest {
  private static final FleetRef FLEET = new FleetRef("team-a", "demo");

  @Test
  void operatorExportsWhatTheReferenceSays() {
    var doc = MetricsDoc.read(RepoFiles.of("docs/reference/metrics.md"));
    var metrics = new OperatorMetrics("docs");
    var fleet = ChaosFleet.withDefaultSpec();
    fleet.setMetadata(new ObjectMetaBuilder().withName("demo").withNamespace("team-a").build());
    metrics.fleets().record(fleet, new ChaosFleetStatus());
    metrics.control().record(pausedCycle());
    metrics
        .control()
        .queries(FLEET)
        .onQuery(
            "up", new QueryResult.NoData(QueryResult.ResultType.VECTOR, "empty"), Duration.ZERO);

    var families = Exposition.families(metrics.scrape());

    assertThat(Exposition.only(families, "microscope_"))
        .as("operator series (docs/reference/metrics.md, ## Operator)")
        .isEqualTo(new TreeMap<>(doc.section("Operator")));
    assertThat(Exposition.only(families, "jvm_", "process_", "system_"))
        .as("operator JVM and process series (## JVM and process: operator)")
        .isEqualTo(new TreeMap<>(doc.section("JVM and process: operator")));
    assertThat(Exposition.only(families, "microscope_", "jvm_", "process_", "system_"))
        .as("nothing outside the documented prefixes")
        .hasSameSizeAs(families);
  }

  /** One cycle of a paused fleet with a fault: it aborts chaos, so every counter has a sample. */
  private static dev.microscope.operator.loop.CycleReport pausedCycle() {
    var spec = new ChaosFleetSpec();
    var errors = new ErrorFault();
    errors.setRate(0.1);
    spec.getChaos().setErrors(errors);
    var snapshot =
        new FleetSnapshot(
            1,
            List.<WorkerHost>of(),
            List.of(),
            1.0,
            0,
            null,
            FleetSnapshot.PrometheusTarget.unknown("not used"));
    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    return new ControlCycle(
            (f, policy, target, at) -> Signals.at(at).build(),
            new AdminClient(Duration.ofSeconds(1)),
            Clock.fixed(now, ZoneOffset.UTC))
        .run(
            new CycleInput(FLEET, spec, new ChaosFleetStatus(), true, Trigger.POLL),
            () -> snapshot,
            new NoActuator());
  }

  private static final class NoActuator implements Actuator {
    @Override
    public void replace(WorkerHost host) {}

    @Override
    public void quarantine(WorkerHost host) {}

    @Override
    public void retire(WorkerHost host) {}

    @Override
    public void notify(Decision decision) {}
  }
}
