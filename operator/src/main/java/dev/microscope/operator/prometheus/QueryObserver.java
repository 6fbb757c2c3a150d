package dev.microscope.operator.prometheus;

import java.time.Duration;

/** Told about every query the client answers: for metrics and tests. */
@FunctionalInterface
public interface QueryObserver {
  QueryObserver NONE = (promql, result, took) -> {};

  void onQuery(String promql, QueryResult result, Duration took);
}
