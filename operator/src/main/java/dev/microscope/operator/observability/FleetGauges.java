package dev.microscope.operator.observability;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.api.v1alpha1.Durations;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Per-fleet gauges of docs/contract.md that the reconciler knows: the SLO objectives (the static
 * burn-rate rules read them), worker counts and degradation. Labels: namespace and fleet only.
 */
public class FleetGauges {
  private final MeterRegistry registry;
  private final Map<String, Fleet> fleets = new ConcurrentHashMap<>();

  public FleetGauges(MeterRegistry registry) {
    this.registry = registry;
  }

  public void record(ChaosFleet fleet, ChaosFleetStatus status) {
    var namespace = fleet.getMetadata().getNamespace();
    var name = fleet.getMetadata().getName();
    fleets
        .computeIfAbsent(key(namespace, name), k -> register(namespace, name))
        .update(fleet, status);
  }

  /** Drops every series of a deleted fleet. */
  public void forget(String namespace, String name) {
    var gone = fleets.remove(key(namespace, name));
    if (gone != null) {
      gone.meters.forEach(registry::remove);
    }
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  private Fleet register(String namespace, String name) {
    var fleet = new Fleet();
    var tags = Tags.of("namespace", namespace, "fleet", name);
    gauge("microscope_fleet_slo_availability_objective", tags, fleet, f -> f.availability);
    gauge("microscope_fleet_slo_latency_objective", tags, fleet, f -> f.latencyObjective);
    gauge("microscope_fleet_slo_latency_threshold_seconds", tags, fleet, f -> f.latencyThreshold);
    gauge("microscope_fleet_slo_window_seconds", tags, fleet, f -> f.window);
    gauge("microscope_operator_workers_desired", tags, fleet, f -> f.desired);
    gauge("microscope_operator_workers_ready", tags, fleet, f -> f.ready);
    gauge("microscope_operator_fleet_degraded", tags, fleet, f -> f.degraded);
    return fleet;
  }

  private void gauge(String name, Tags tags, Fleet fleet, ToDoubleFunction<Fleet> value) {
    fleet.meters.add(Gauge.builder(name, fleet, value).tags(tags).register(registry));
  }

  /** Latest values of one fleet; the gauges read them (and keep them reachable). */
  private static final class Fleet {
    final List<Meter> meters = new ArrayList<>();
    volatile double availability = Double.NaN;
    volatile double latencyObjective = Double.NaN;
    volatile double latencyThreshold = Double.NaN;
    volatile double window = Double.NaN;
    volatile double desired;
    volatile double ready;
    volatile double degraded;

    void update(ChaosFleet fleet, ChaosFleetStatus status) {
      var slo = fleet.getSpec() == null ? null : fleet.getSpec().getSlo();
      if (slo != null) {
        availability = slo.getAvailability();
        latencyObjective = slo.getLatencyObjective();
        latencyThreshold = seconds(slo.getLatencyThreshold());
        window = seconds(slo.getWindow());
      }
      var workers = status.getWorkers();
      desired = workers == null || workers.getDesired() == null ? 0 : workers.getDesired();
      ready = workers == null || workers.getReady() == null ? 0 : workers.getReady();
      degraded =
          status.getConditions().stream()
                  .anyMatch(c -> "Degraded".equals(c.getType()) && "True".equals(c.getStatus()))
              ? 1
              : 0;
    }

    private static double seconds(String duration) {
      try {
        return Durations.parse(duration).toMillis() / 1000.0;
      } catch (IllegalArgumentException e) {
        return Double.NaN;
      }
    }
  }
}
