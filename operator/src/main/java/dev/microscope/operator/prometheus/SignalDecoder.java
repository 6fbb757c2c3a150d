package dev.microscope.operator.prometheus;

import dev.microscope.operator.control.Reading;
import dev.microscope.operator.control.VectorReading;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Turns query results into the control loop's readings. */
final class SignalDecoder {
  static final String WORKER_LABEL = "worker";
  static final String COMPONENT_LABEL = "component";

  private SignalDecoder() {}

  /** One value for the fleet: a scalar, or a vector or matrix with exactly one series. */
  static Reading fleet(QueryResult result) {
    return switch (result) {
      case QueryResult.Error e -> Reading.failed(e.kind() + ": " + e.reason());
      case QueryResult.NoData n -> Reading.noData(n.reason());
      case QueryResult.Value v -> {
        if (v.type() == QueryResult.ResultType.STRING) {
          yield Reading.failed("expected a number, got the string '" + v.text() + "'");
        }
        if (v.series().size() != 1) {
          yield Reading.failed(
              "expected one series for the fleet, got "
                  + v.series().size()
                  + "; aggregate the query to one value");
        }
        yield Reading.of(v.single());
      }
    };
  }

  /** A vector by {@code worker}; series without that label are ignored, duplicates keep the max. */
  static VectorReading byWorker(QueryResult result) {
    return switch (result) {
      case QueryResult.Error e -> VectorReading.failed(e.kind() + ": " + e.reason());
      case QueryResult.NoData n -> VectorReading.empty();
      case QueryResult.Value v -> {
        if (v.type() == QueryResult.ResultType.STRING
            || v.type() == QueryResult.ResultType.SCALAR) {
          yield VectorReading.failed("expected a vector by worker, got a " + v.type());
        }
        Map<String, Double> values = new HashMap<>();
        for (QueryResult.Series s : v.series()) {
          String worker = s.label(WORKER_LABEL);
          if (worker != null) {
            values.merge(worker, s.value(), Math::max);
          }
        }
        yield VectorReading.of(values);
      }
    };
  }

  /**
   * A score by worker from series labelled by worker and component: the score is the highest
   * component, and the components are kept as the evidence.
   */
  static VectorReading componentsByWorker(QueryResult result) {
    if (!(result instanceof QueryResult.Value v)) {
      return byWorker(result);
    }
    Map<String, Map<String, Double>> details = new HashMap<>();
    Map<String, Double> scores = new HashMap<>();
    for (QueryResult.Series s : v.series()) {
      String worker = s.label(WORKER_LABEL);
      if (worker == null) {
        continue;
      }
      String component = s.labels().getOrDefault(COMPONENT_LABEL, "score");
      details.computeIfAbsent(worker, w -> new TreeMap<>()).merge(component, s.value(), Math::max);
      scores.merge(worker, s.value(), Math::max);
    }
    return VectorReading.of(scores, details);
  }
}
