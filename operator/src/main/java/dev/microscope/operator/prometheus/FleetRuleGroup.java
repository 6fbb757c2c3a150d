package dev.microscope.operator.prometheus;

import static dev.microscope.operator.prometheus.PromQl.call;
import static dev.microscope.operator.prometheus.PromQl.number;

import dev.microscope.operator.control.Slo;
import java.util.List;
import java.util.Map;

/**
 * A fleet's own rule group (docs/contract.md, "A fleet's own rule group"): the fleet's SLO as
 * literal values and its error and latency ratios over its own SLO window, recorded under the names
 * the static rules of prometheus-rules/ use for them, plus the marker that makes the static rules
 * step aside for this fleet. Every other series and alert then works from these unchanged.
 *
 * @param name the group's name, unique per fleet
 * @param labels {@code namespace} and {@code fleet}, set on every rule
 * @param rules the recording rules, in order
 */
public record FleetRuleGroup(String name, Map<String, String> labels, List<Recording> rules) {
  /** One recording rule: the series it records and its PromQL. */
  public record Recording(String record, String expr) {}

  public static FleetRuleGroup of(FleetScope scope, Slo slo) {
    return new FleetRuleGroup(
        "microscope-fleet-" + scope.namespace() + "-" + scope.fleet(),
        Map.of("namespace", scope.namespace(), "fleet", scope.fleet()),
        List.of(
            literal(RecordingRules.SLO_FLEET_RULE, 1),
            literal(RecordingRules.SLO_AVAILABILITY_OBJECTIVE, slo.availabilityObjective()),
            literal(RecordingRules.SLO_LATENCY_OBJECTIVE, slo.latencyObjective()),
            literal(RecordingRules.SLO_LATENCY_THRESHOLD, slo.latencyThresholdSeconds()),
            literal(RecordingRules.SLO_WINDOW, slo.window().toSeconds()),
            new Recording(
                RecordingRules.ERROR_RATIO_WINDOW,
                windowRatio(
                    scope.series(RecordingRules.FLEET_ERRORS).range(slo.window()),
                    scope.series(RecordingRules.FLEET_REQUESTS).range(slo.window()))),
            new Recording(
                RecordingRules.WITHIN_THRESHOLD_RATIO_WINDOW,
                windowRatio(
                    scope.series(RecordingRules.FLEET_WITHIN_THRESHOLD).range(slo.window()),
                    scope
                        .series(RecordingRules.FLEET_BUCKETS)
                        .eq("le", "+Inf")
                        .range(slo.window())))));
  }

  private static Recording literal(String record, double value) {
    return new Recording(record, call("vector", number(value)));
  }

  /** part / whole summed over the window; no sample without traffic in it. */
  private static String windowRatio(String part, String whole) {
    return call("sum_over_time", part)
        + " / on (namespace, fleet) ("
        + call("sum_over_time", whole)
        + " > 0)";
  }
}
