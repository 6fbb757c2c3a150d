package dev.microscope.operator.prometheus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer to one instant query: exactly one of a value, no data, or an error.
 *
 * <p>Special values are decided here, once: a NaN sample (0/0, a quantile of no observations) is no
 * data for its series, and a query whose samples are all NaN is {@link NoData}; +Inf and -Inf are
 * values (a time to limit of +Inf means "never"), kept as {@link Double#POSITIVE_INFINITY} and
 * flagged by {@link Point#infinite()}.
 */
public sealed interface QueryResult {
  /**
   * At least one series with at least one point (or, for a string result, the text).
   *
   * @param warnings what Prometheus warned about, e.g. a partial answer
   */
  record Value(ResultType type, List<Series> series, String text, List<String> warnings)
      implements QueryResult {
    public Value {
      series = List.copyOf(series);
      warnings = List.copyOf(warnings);
    }

    /** The single number of a scalar, or of a vector with exactly one sample. */
    public double single() {
      if (series.size() != 1) {
        throw new IllegalStateException("expected one series, got " + series.size());
      }
      return series.get(0).value();
    }
  }

  /** The query was answered with nothing (an empty vector, only NaN samples). */
  record NoData(ResultType type, String reason) implements QueryResult {}

  /** The query was not answered. {@code attempts} counts the HTTP requests made. */
  record Error(ErrorKind kind, String reason, int attempts) implements QueryResult {}

  /** The shape of a successful answer, as Prometheus names it. */
  enum ResultType {
    VECTOR,
    SCALAR,
    MATRIX,
    STRING
  }

  /** One series: its labels (without {@code __name__} unless Prometheus kept it) and points. */
  record Series(Map<String, String> labels, List<Point> points) {
    public Series {
      labels = Map.copyOf(labels);
      points = List.copyOf(points);
    }

    public String label(String name) {
      return labels.get(name);
    }

    /** The latest point's value. */
    public double value() {
      return points.get(points.size() - 1).value();
    }
  }

  /** One sample; never NaN. */
  record Point(Instant time, double value) {
    public boolean infinite() {
      return Double.isInfinite(value);
    }
  }

  /** Why a query was not answered; all kinds but {@link #BAD_QUERY} mean Prometheus is unread. */
  enum ErrorKind {
    /** Connection refused, reset, DNS, TLS handshake failure. */
    UNREACHABLE,
    /** No answer within the per-query timeout. */
    TIMEOUT,
    /** A 5xx answer, after the retries. */
    SERVER,
    /** 401 or 403: credentials missing or wrong. */
    UNAUTHORIZED,
    /** 400 or 422: the query itself is wrong; retrying cannot help. */
    BAD_QUERY,
    /** An answer that is not the Prometheus API (wrong URL, a proxy's page, broken JSON). */
    BAD_RESPONSE;

    /** True when this error means the operator cannot read Prometheus at all. */
    public boolean blind() {
      return this != BAD_QUERY;
    }
  }
}
