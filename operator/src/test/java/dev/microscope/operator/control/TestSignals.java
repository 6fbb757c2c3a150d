package dev.microscope.operator.control;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One poll's signals for tests, starting from a healthy fleet: burn 0.5 in every window, 90% of the
 * budget left, p99 0.1s, 1% slow requests; every worker flat at 40% of its memory, no leak, no
 * restart, up, honest, fast, 0.1% errors, at the 0.7 CPU saturation target.
 */
final class TestSignals {
  private final Map<BuiltinSignal, Reading> fleet = new EnumMap<>(BuiltinSignal.class);
  private final Map<BuiltinSignal, Map<String, Double>> workers =
      new EnumMap<>(BuiltinSignal.class);
  private final Map<BuiltinSignal, String> failedVectors = new EnumMap<>(BuiltinSignal.class);
  private final Map<String, Map<String, Double>> liarDetails = new HashMap<>();
  private final Map<String, VectorReading> rules = new LinkedHashMap<>();

  static TestSignals healthy(List<String> workerIds) {
    TestSignals s = new TestSignals();
    s.burn(0.5);
    s.fleet(BuiltinSignal.ERROR_BUDGET_REMAINING, 0.9);
    s.fleet(BuiltinSignal.LATENCY_P99_SECONDS, 0.1);
    s.fleet(BuiltinSignal.LATENCY_SLO_VIOLATION_RATIO, 0.01);
    for (String w : workerIds) {
      s.worker(BuiltinSignal.WORKER_MEMORY_TIME_TO_LIMIT_SECONDS, w, Double.POSITIVE_INFINITY);
      s.worker(BuiltinSignal.WORKER_MEMORY_USAGE_RATIO, w, 0.4);
      s.worker(BuiltinSignal.WORKER_LEAK_BYTES_PER_SECOND, w, 0);
      s.worker(BuiltinSignal.WORKER_RESTARTS, w, 0);
      s.worker(BuiltinSignal.WORKER_UP, w, 1);
      s.worker(BuiltinSignal.WORKER_LIAR_SCORE, w, 0);
      s.worker(BuiltinSignal.WORKER_LATENCY_P99_SECONDS, w, 0.1);
      s.worker(BuiltinSignal.WORKER_ERROR_RATIO, w, 0.001);
      s.worker(BuiltinSignal.WORKER_CPU_SATURATION, w, 0.7);
      s.worker(BuiltinSignal.WORKER_TARGET_SERIES, w, 500);
    }
    return s;
  }

  /** No data anywhere: what a fleet without traffic or exporters reads as. */
  static TestSignals empty() {
    return new TestSignals();
  }

  TestSignals burn(double value) {
    for (BurnWindow w : BurnWindow.values()) {
      burn(w, value);
    }
    return this;
  }

  TestSignals burn(BurnWindow window, double value) {
    return fleet(window.signal(), value);
  }

  TestSignals fleet(BuiltinSignal signal, double value) {
    return fleet(signal, Reading.of(value));
  }

  TestSignals fleet(BuiltinSignal signal, Reading reading) {
    fleet.put(signal, reading);
    return this;
  }

  /** A worker value; NaN removes it (no data for that worker). */
  TestSignals worker(BuiltinSignal signal, String worker, double value) {
    Map<String, Double> values = workers.computeIfAbsent(signal, k -> new HashMap<>());
    if (Double.isNaN(value)) {
      values.remove(worker);
    } else {
      values.put(worker, value);
    }
    return this;
  }

  TestSignals liar(String worker, Map<String, Double> components) {
    liarDetails.put(worker, components);
    return worker(
        BuiltinSignal.WORKER_LIAR_SCORE,
        worker,
        components.values().stream().mapToDouble(Double::doubleValue).max().orElse(0));
  }

  TestSignals failed(BuiltinSignal signal, String reason) {
    if (signal.scope() == SignalScope.FLEET) {
      return fleet(signal, Reading.failed(reason));
    }
    failedVectors.put(signal, reason);
    return this;
  }

  TestSignals rule(String name, VectorReading reading) {
    rules.put(name, reading);
    return this;
  }

  TestSignals rule(String name, double fleetValue) {
    return rule(name, VectorReading.of(Map.of(Signals.FLEET_KEY, fleetValue)));
  }

  Signals at(Instant at) {
    Signals.Builder b = Signals.at(at);
    fleet.forEach(b::fleet);
    workers.forEach(
        (signal, values) ->
            b.workers(
                signal,
                signal == BuiltinSignal.WORKER_LIAR_SCORE
                    ? VectorReading.of(values, liarDetails)
                    : VectorReading.of(values)));
    failedVectors.forEach((signal, reason) -> b.workers(signal, VectorReading.failed(reason)));
    rules.forEach(b::rule);
    return b.build();
  }

  /** A poll in which Prometheus could not be read. */
  static Signals down(Instant at) {
    return Signals.failedPoll(at, "UNREACHABLE: ConnectException: Connection refused");
  }
}
