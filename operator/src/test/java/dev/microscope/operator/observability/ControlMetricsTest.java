package dev.microscope.operator.observability;

import static dev.microscope.operator.control.BuiltinSignal.BURN_RATE_M5;
import static org.assertj.core.api.Assertions.assertThat;

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
import dev.microscope.operator.loop.CycleReport;
import dev.microscope.operator.loop.FleetRef;
import dev.microscope.operator.loop.FleetSnapshot;
import dev.microscope.operator.loop.StatusWriter;
import dev.microscope.operator.loop.WorkerHost;
import dev.microscope.operator.prometheus.QueryResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The control loop's metrics, as Prometheus scrapes them (names and labels of docs/contract.md).
 */
class ControlMetricsTest {
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final FleetRef FLEET = new FleetRef("team-a", "demo");

  @Test
  void decisionsAbortsSignalsAndQueries() {
    var metrics = new OperatorMetrics("test");
    var control = metrics.control();
    var status = new ChaosFleetStatus();
    StatusWriter.write(cycle(status, false, Trigger.POLL), status, 1, false);
    control.record(cycle(status, true, Trigger.alert("MicroscopeErrorBudgetBurnFast")));
    var queries = control.queries(FLEET);
    queries.onQuery(
        "up", new QueryResult.NoData(QueryResult.ResultType.VECTOR, "empty"), Duration.ZERO);
    queries.onQuery(
        "up", new QueryResult.Error(QueryResult.ErrorKind.TIMEOUT, "slow", 1), Duration.ZERO);

    var text = metrics.scrape();

    assertThat(text)
        .contains(
            "microscope_decisions_total{action=\"abort_chaos\",fleet=\"demo\",namespace=\"team-a\",outcome=\"applied\"} 1.0")
        .contains(
            "microscope_operator_chaos_aborts_total{fleet=\"demo\",namespace=\"team-a\",reason=\"paused\"} 1.0")
        .contains("microscope_operator_chaos_level{fleet=\"demo\",namespace=\"team-a\"} 0.0")
        .contains(
            "microscope_operator_chaos_tolerance_score{fleet=\"demo\",namespace=\"team-a\"} 0.0")
        .contains("microscope_operator_safe_mode{fleet=\"demo\",namespace=\"team-a\"} 0.0")
        .contains(
            "microscope_operator_prometheus_reachable{fleet=\"demo\",namespace=\"team-a\"} 1.0")
        .contains(
            "microscope_operator_quarantined_workers{fleet=\"demo\",namespace=\"team-a\"} 0.0")
        .contains(
            "microscope_operator_signal_value{fleet=\"demo\",namespace=\"team-a\",signal=\"burn_rate_5m\"} 2.5")
        .contains(
            "microscope_operator_signal_value{fleet=\"demo\",namespace=\"team-a\",signal=\"burn_rate_1h\"} NaN")
        .contains(
            "microscope_operator_prometheus_queries_total{fleet=\"demo\",namespace=\"team-a\",outcome=\"no_data\"} 1.0")
        .contains(
            "microscope_operator_prometheus_queries_total{fleet=\"demo\",namespace=\"team-a\",outcome=\"error\"} 1.0")
        .contains("microscope_operator_control_cycle_duration_seconds_count{trigger=\"alert\"} 1")
        .contains(
            "microscope_operator_control_cycle_duration_seconds_bucket{trigger=\"alert\",le=\"0.05\"}");

    control.forget(FLEET);
    assertThat(metrics.scrape()).doesNotContain("namespace=\"team-a\"");
  }

  private static CycleReport cycle(ChaosFleetStatus status, boolean paused, Trigger trigger) {
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
    return new ControlCycle(
            (fleet, policy, target, at) -> Signals.at(at).fleet(BURN_RATE_M5, 2.5).build(),
            new AdminClient(Duration.ofSeconds(1)),
            Clock.fixed(NOW, ZoneOffset.UTC))
        .run(new CycleInput(FLEET, spec, status, paused, trigger), () -> snapshot, new None());
  }

  private static final class None implements Actuator {
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
