package dev.microscope.operator.control;

import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * One signal for one subject (the fleet or a worker): a value, no data, or a failure. No data is
 * neither zero nor an error: a ratio with no traffic, a metric nobody exports, a NaN sample.
 */
public sealed interface Reading {
  /** A finite or infinite number; never NaN (NaN is {@link NoData}). */
  record Value(double value) implements Reading {
    public Value {
      if (Double.isNaN(value)) {
        throw new IllegalArgumentException("a Reading.Value cannot be NaN; use Reading.noData");
      }
    }
  }

  /** The query answered, but with nothing for this subject. */
  record NoData(String reason) implements Reading {}

  /** The query did not answer (Prometheus unreachable, bad query, timeout). */
  record Failed(String reason) implements Reading {}

  /** A value, or no data when {@code value} is NaN. */
  static Reading of(double value) {
    return Double.isNaN(value) ? new NoData("NaN") : new Value(value);
  }

  static Reading noData(String reason) {
    return new NoData(reason);
  }

  static Reading failed(String reason) {
    return new Failed(reason);
  }

  default boolean isValue() {
    return this instanceof Value;
  }

  default Optional<Double> asOptional() {
    return this instanceof Value(double v) ? Optional.of(v) : Optional.empty();
  }

  /** The value, or NaN; for comparisons where "unknown" must compare false. */
  default double orNaN() {
    return this instanceof Value(double v) ? v : Double.NaN;
  }

  default Reading map(DoubleUnaryOperator f) {
    return this instanceof Value(double v) ? Reading.of(f.applyAsDouble(v)) : this;
  }

  /** A short text for decision reasons: the number, "no data (...)" or "error (...)". */
  default String describe() {
    return switch (this) {
      case Value(double v) -> Numbers.format(v);
      case NoData(String reason) -> "no data (" + reason + ")";
      case Failed(String reason) -> "error (" + reason + ")";
    };
  }
}
