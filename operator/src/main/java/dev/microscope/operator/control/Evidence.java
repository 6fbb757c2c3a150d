package dev.microscope.operator.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers behind a decision or a classification, by signal name, as text: a value such as
 * {@code 0.25} or {@code +Inf}, {@code no data (...)}, or {@code error (...)}. Text keeps infinite
 * values intact through JSON (the resource's status cannot hold a bare Infinity).
 */
final class Evidence {
  private final Map<String, String> values = new LinkedHashMap<>();

  static Evidence of() {
    return new Evidence();
  }

  Evidence add(String name, Reading reading) {
    values.put(name, reading.describe());
    return this;
  }

  Evidence add(BuiltinSignal signal, Reading reading) {
    return add(signal.metricName(), reading);
  }

  Evidence add(String name, double value) {
    values.put(name, Numbers.format(value));
    return this;
  }

  Evidence addAll(Map<String, String> more) {
    values.putAll(more);
    return this;
  }

  Map<String, String> toMap() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
