package dev.microscope.operator.observability;

import dev.microscope.operator.control.ActionType;
import dev.microscope.operator.control.BuiltinSignal;
import dev.microscope.operator.control.SignalScope;
import dev.microscope.operator.loop.ActedDecision;
import dev.microscope.operator.loop.CycleReport;
import dev.microscope.operator.loop.FleetRef;
import dev.microscope.operator.prometheus.QueryObserver;
import dev.microscope.operator.prometheus.QueryResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;

/**
 * The control loop's metrics of docs/contract.md: decisions by action and outcome, chaos level,
 * tolerance score, aborts, safe mode, Prometheus reachability and queries, quarantined workers, the
 * fleet's signal values and the duration of a cycle. Labels are bounded: namespace, fleet, and
 * fixed sets (actions, outcomes, abort reasons, built-in signals, triggers).
 */
public class ControlMetrics {
  private static final Duration[] CYCLE_BUCKETS = {
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30)
  };

  private final MeterRegistry registry;
  private final Map<FleetRef, Fleet> fleets = new ConcurrentHashMap<>();

  public ControlMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Records one finished cycle. */
  public void record(CycleReport report) {
    var fleet = fleet(report.fleet());
    for (ActedDecision a : report.decisions()) {
      var action = a.decision().action();
      fleet
          .counter(
              "microscope_decisions",
              "Decisions of the control loop by action and outcome",
              Tags.of("action", action.wireName(), "outcome", a.result().wireName()))
          .increment();
      if (action == ActionType.ABORT_CHAOS && a.result() == ActedDecision.Result.APPLIED) {
        fleet
            .counter(
                "microscope_operator_chaos_aborts",
                "Chaos aborted at once, by reason",
                Tags.of("reason", a.decision().rule().replace('-', '_')))
            .increment();
      }
    }
    var summary = report.result().summary();
    fleet.chaosLevel = report.state().chaosLevel();
    fleet.tolerance = summary.toleranceScore();
    fleet.safeMode = summary.safeMode() ? 1 : 0;
    fleet.reachable = report.signals().pollFailed() ? 0 : 1;
    fleet.quarantined = report.state().quarantined().size();
    for (BuiltinSignal signal : BuiltinSignal.values()) {
      if (signal.scope() == SignalScope.FLEET) {
        fleet.signals.put(signal, report.signals().fleet(signal).orNaN());
      }
    }
    Timer.builder("microscope_operator_control_cycle_duration")
        .description("Duration of one control cycle, by what started it")
        .tags("trigger", report.triggerKind())
        .serviceLevelObjectives(CYCLE_BUCKETS)
        .register(registry)
        .record(report.took());
  }

  /** Counts the answers of a fleet's Prometheus queries by outcome. */
  public QueryObserver queries(FleetRef ref) {
    return (promql, result, took) ->
        fleet(ref)
            .counter(
                "microscope_operator_prometheus_queries",
                "Prometheus queries of the control loop by outcome",
                Tags.of("outcome", outcome(result)))
            .increment();
  }

  /** Drops every series of a deleted fleet. */
  public void forget(FleetRef ref) {
    var gone = fleets.remove(ref);
    if (gone != null) {
      gone.meters.forEach(registry::remove);
    }
  }

  private static String outcome(QueryResult result) {
    return switch (result) {
      case QueryResult.Value v -> "value";
      case QueryResult.NoData n -> "no_data";
      case QueryResult.Error e -> "error";
    };
  }

  private Fleet fleet(FleetRef ref) {
    return fleets.computeIfAbsent(ref, this::register);
  }

  private Fleet register(FleetRef ref) {
    var fleet = new Fleet(Tags.of("namespace", ref.namespace(), "fleet", ref.name()));
    gauge(
        fleet,
        "microscope_operator_chaos_level",
        "Chaos level set by the operator",
        f -> f.chaosLevel);
    gauge(
        fleet,
        "microscope_operator_chaos_tolerance_score",
        "Highest chaos level held a whole window with the SLO met",
        f -> f.tolerance);
    gauge(fleet, "microscope_operator_safe_mode", "1 while in safe mode", f -> f.safeMode);
    gauge(
        fleet,
        "microscope_operator_prometheus_reachable",
        "1 when the last poll of Prometheus answered",
        f -> f.reachable);
    gauge(
        fleet,
        "microscope_operator_quarantined_workers",
        "Workers out of traffic, kept for evidence",
        f -> f.quarantined);
    for (BuiltinSignal signal : BuiltinSignal.values()) {
      if (signal.scope() == SignalScope.FLEET) {
        fleet.meters.add(
            Gauge.builder(
                    "microscope_operator_signal_value",
                    fleet,
                    f -> f.signals.getOrDefault(signal, Double.NaN))
                .description("Last value of a fleet signal; NaN when it had no data")
                .tags(fleet.tags.and("signal", signal.metricName()))
                .register(registry));
      }
    }
    return fleet;
  }

  private void gauge(Fleet fleet, String name, String help, ToDoubleFunction<Fleet> value) {
    fleet.meters.add(
        Gauge.builder(name, fleet, value).description(help).tags(fleet.tags).register(registry));
  }

  /** One fleet's latest values; the gauges read them (and keep them reachable). */
  private final class Fleet {
    final Tags tags;
    final List<Meter> meters = new CopyOnWriteArrayList<>();
    final Map<BuiltinSignal, Double> signals =
        java.util.Collections.synchronizedMap(new EnumMap<>(BuiltinSignal.class));
    volatile double chaosLevel;
    volatile double tolerance;
    volatile double safeMode;
    volatile double reachable;
    volatile double quarantined;

    Fleet(Tags tags) {
      this.tags = tags;
    }

    Counter counter(String name, String help, Tags extra) {
      var counter =
          Counter.builder(name).description(help).tags(tags.and(extra)).register(registry);
      if (!meters.contains(counter)) {
        meters.add(counter);
      }
      return counter;
    }
  }
}
