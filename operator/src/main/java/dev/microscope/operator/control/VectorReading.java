package dev.microscope.operator.control;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One query's answer keyed by worker: a value per worker that has one, or the failure of the whole
 * query. A worker missing from {@link #values()} has no data. {@link #details()} holds the
 * components a value was made from (the liar score's evidence), keyed by worker then component.
 */
public record VectorReading(
    Map<String, Double> values, Map<String, Map<String, Double>> details, String failure) {
  public VectorReading {
    values = Map.copyOf(values);
    details = Map.copyOf(details);
    values.forEach(
        (worker, v) -> {
          if (Double.isNaN(v)) {
            throw new IllegalArgumentException("NaN for worker " + worker + " must be left out");
          }
        });
  }

  public static VectorReading of(Map<String, Double> values) {
    return new VectorReading(values, Map.of(), null);
  }

  public static VectorReading of(
      Map<String, Double> values, Map<String, Map<String, Double>> details) {
    return new VectorReading(values, details, null);
  }

  public static VectorReading failed(String reason) {
    return new VectorReading(Map.of(), Map.of(), Objects.requireNonNull(reason));
  }

  public static VectorReading empty() {
    return new VectorReading(Map.of(), Map.of(), null);
  }

  public Optional<String> failureReason() {
    return Optional.ofNullable(failure);
  }

  public Reading get(String worker) {
    if (failure != null) {
      return Reading.failed(failure);
    }
    Double v = values.get(worker);
    return v == null ? Reading.noData("no sample for worker " + worker) : Reading.of(v);
  }

  public Map<String, Double> detailsOf(String worker) {
    return details.getOrDefault(worker, Map.of());
  }
}
