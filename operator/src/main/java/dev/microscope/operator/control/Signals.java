package dev.microscope.operator.control;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one poll of Prometheus said about a fleet. {@code pollFailure} is set when Prometheus
 * could not be read at all (unreachable, unauthorized, broken answers); a bad query alone does not
 * make a poll fail.
 *
 * @param fleet fleet-level signals; a missing entry reads as no data
 * @param workers per-worker signals; a missing entry reads as no data
 * @param rules user rule results by rule name (fleet rules keyed by {@link #FLEET_KEY})
 */
public record Signals(
    Instant at,
    String pollFailure,
    Map<BuiltinSignal, Reading> fleet,
    Map<BuiltinSignal, VectorReading> workers,
    Map<String, VectorReading> rules) {
  /** The key of a fleet-level user rule's single value in its {@link VectorReading}. */
  public static final String FLEET_KEY = "";

  public Signals {
    fleet = Map.copyOf(fleet);
    workers = Map.copyOf(workers);
    rules = Map.copyOf(rules);
    fleet.keySet().stream()
        .filter(s -> s.scope() != SignalScope.FLEET)
        .findAny()
        .ifPresent(
            s -> {
              throw new IllegalArgumentException(s + " is a per-worker signal");
            });
    workers.keySet().stream()
        .filter(s -> s.scope() != SignalScope.WORKER)
        .findAny()
        .ifPresent(
            s -> {
              throw new IllegalArgumentException(s + " is a fleet signal");
            });
  }

  /** A poll in which Prometheus could not be read: every signal is a failure. */
  public static Signals failedPoll(Instant at, String reason) {
    Map<BuiltinSignal, Reading> fleet = new EnumMap<>(BuiltinSignal.class);
    Map<BuiltinSignal, VectorReading> workers = new EnumMap<>(BuiltinSignal.class);
    for (BuiltinSignal s : BuiltinSignal.values()) {
      if (s.scope() == SignalScope.FLEET) {
        fleet.put(s, Reading.failed(reason));
      } else {
        workers.put(s, VectorReading.failed(reason));
      }
    }
    return new Signals(at, reason, fleet, workers, Map.of());
  }

  public static Builder at(Instant at) {
    return new Builder(at);
  }

  public boolean pollFailed() {
    return pollFailure != null;
  }

  public Optional<String> pollFailureReason() {
    return Optional.ofNullable(pollFailure);
  }

  public Reading fleet(BuiltinSignal signal) {
    requireScope(signal, SignalScope.FLEET);
    return fleet.getOrDefault(signal, Reading.noData(signal.metricName() + " not read"));
  }

  public Reading worker(BuiltinSignal signal, String worker) {
    return vector(signal).get(worker);
  }

  public VectorReading vector(BuiltinSignal signal) {
    requireScope(signal, SignalScope.WORKER);
    return workers.getOrDefault(signal, VectorReading.empty());
  }

  public Reading burnRate(BurnWindow window) {
    return fleet(window.signal());
  }

  public VectorReading rule(String name) {
    return rules.getOrDefault(name, VectorReading.failed("rule " + name + " was not queried"));
  }

  private static void requireScope(BuiltinSignal signal, SignalScope scope) {
    if (signal.scope() != scope) {
      throw new IllegalArgumentException(signal + " is not a " + scope + " signal");
    }
  }

  /** Assembles the signals of one poll. */
  public static final class Builder {
    private final Instant at;
    private String pollFailure;
    private final Map<BuiltinSignal, Reading> fleet = new EnumMap<>(BuiltinSignal.class);
    private final Map<BuiltinSignal, VectorReading> workers = new EnumMap<>(BuiltinSignal.class);
    private final Map<String, VectorReading> rules = new LinkedHashMap<>();

    private Builder(Instant at) {
      this.at = at;
    }

    public Builder fleet(BuiltinSignal signal, Reading reading) {
      fleet.put(signal, reading);
      return this;
    }

    public Builder fleet(BuiltinSignal signal, double value) {
      return fleet(signal, Reading.of(value));
    }

    public Builder workers(BuiltinSignal signal, VectorReading reading) {
      workers.put(signal, reading);
      return this;
    }

    public Builder worker(BuiltinSignal signal, String worker, double value) {
      VectorReading current = workers.getOrDefault(signal, VectorReading.empty());
      Map<String, Double> values = new LinkedHashMap<>(current.values());
      if (!Double.isNaN(value)) {
        values.put(worker, value);
      }
      workers.put(signal, new VectorReading(values, current.details(), current.failure()));
      return this;
    }

    public Builder rule(String name, VectorReading reading) {
      rules.put(name, reading);
      return this;
    }

    public Builder pollFailure(String reason) {
      this.pollFailure = reason;
      return this;
    }

    public Signals build() {
      return new Signals(at, pollFailure, fleet, workers, rules);
    }
  }
}
