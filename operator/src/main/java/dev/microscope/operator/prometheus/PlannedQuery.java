package dev.microscope.operator.prometheus;

import dev.microscope.operator.control.BuiltinSignal;
import dev.microscope.operator.control.SignalScope;

/**
 * One query of a cycle: a built-in signal ({@code signal} set) or a user rule ({@code signal} null,
 * {@code name} the rule's name).
 */
public record PlannedQuery(String name, SignalScope scope, BuiltinSignal signal, String promql) {
  static PlannedQuery builtin(BuiltinSignal signal, String promql) {
    return new PlannedQuery(signal.metricName(), signal.scope(), signal, promql);
  }

  static PlannedQuery rule(String name, SignalScope scope, String promql) {
    return new PlannedQuery(name, scope, null, promql);
  }
}
