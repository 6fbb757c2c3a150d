package dev.microscope.operator.prometheus;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach Prometheus.
 *
 * @param url the base URL, e.g. {@code https://prometheus.monitoring:9090} or one with a path
 *     prefix ({@code http://host/prometheus})
 * @param caPem PEM certificates of the CAs to trust for HTTPS instead of the JVM's; null = JVM's
 * @param timeout per HTTP attempt; also sent to Prometheus as the query's own timeout
 * @param maxAttempts attempts per query (1 = no retry); retries only on connection errors, timeouts
 *     and 5xx answers, never on 4xx
 * @param initialBackoff pause before the second attempt, doubled before each further one
 * @param maxBackoff the longest pause between attempts
 */
public record PrometheusConnection(
    URI url,
    Auth auth,
    String caPem,
    Duration timeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff) {
  public PrometheusConnection {
    Objects.requireNonNull(url, "prometheus.url is required");
    String scheme = url.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme) || url.getHost() == null) {
      throw new IllegalArgumentException(
          "prometheus.url must be http(s)://host[:port][/path], got " + url);
    }
    Objects.requireNonNull(auth, "prometheus.auth is required (Auth.none() for none)");
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("prometheus.timeout must be positive, got " + timeout);
    }
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new IllegalArgumentException(
          "prometheus.maxAttempts must be within 1..10, got " + maxAttempts);
    }
    if (initialBackoff == null || initialBackoff.isNegative()) {
      throw new IllegalArgumentException("prometheus.initialBackoff must not be negative");
    }
    if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("prometheus.maxBackoff must be at least initialBackoff");
    }
  }

  /** Defaults: no auth, JVM trust, 10s per attempt, 3 attempts, backoff 200ms doubling to 2s. */
  public static PrometheusConnection of(URI url) {
    return new PrometheusConnection(
        url,
        Auth.none(),
        null,
        Duration.ofSeconds(10),
        3,
        Duration.ofMillis(200),
        Duration.ofSeconds(2));
  }

  public PrometheusConnection withAuth(Auth value) {
    return new PrometheusConnection(
        url, value, caPem, timeout, maxAttempts, initialBackoff, maxBackoff);
  }

  public PrometheusConnection withCaPem(String value) {
    return new PrometheusConnection(
        url, auth, value, timeout, maxAttempts, initialBackoff, maxBackoff);
  }

  public PrometheusConnection withTimeout(Duration value) {
    return new PrometheusConnection(
        url, auth, caPem, value, maxAttempts, initialBackoff, maxBackoff);
  }

  public PrometheusConnection withRetries(int attempts, Duration initial, Duration max) {
    return new PrometheusConnection(url, auth, caPem, timeout, attempts, initial, max);
  }

  /** The pause before attempt {@code attempt} (2, 3, ...). */
  Duration backoffBefore(int attempt) {
    long factor = 1L << Math.min(20, attempt - 2);
    Duration d = initialBackoff.multipliedBy(factor);
    return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
  }
}
