package dev.microscope.operator.prometheus;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Instant queries over the Prometheus HTTP API ({@code /api/v1/query}). Each query gets a timeout
 * per attempt and a bounded number of attempts with exponential backoff; connection errors,
 * timeouts and 5xx answers are retried, 4xx answers (a bad query, bad credentials) are not. Every
 * call returns a {@link QueryResult}; none throws.
 */
public final class PrometheusClient {
  /**
   * Longer queries (the liar score is several KiB encoded) go as a form POST: proxies in front of
   * Prometheus often cap the request line at 8 KiB. Short ones stay GET, which read-only proxies
   * and caches understand.
   */
  static final int MAX_GET_QUERY_LENGTH = 4096;

  /** Pauses between attempts; replaced in tests to observe the backoff without waiting. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /**
   * One HTTP client per CA and connect timeout, shared by every fleet that reads a Prometheus with
   * them: each client holds a selector thread and its buffers, which a hundred fleets would
   * otherwise pay a hundred times, and a shared client reuses its connections across fleets.
   */
  private static final Map<Transport, HttpClient> SHARED = new ConcurrentHashMap<>();

  private record Transport(String caPem, Duration connectTimeout) {}

  private final PrometheusConnection connection;
  private final HttpClient http;
  private final URI queryEndpoint;
  private final Sleeper sleeper;
  private final QueryObserver observer;

  private PrometheusClient(
      PrometheusConnection connection, Sleeper sleeper, QueryObserver observer) {
    this.connection = connection;
    this.sleeper = sleeper;
    this.observer = observer;
    this.http =
        SHARED.computeIfAbsent(
            new Transport(connection.caPem(), connection.timeout()), PrometheusClient::http);
    String base = connection.url().toString();
    this.queryEndpoint = URI.create(base + (base.endsWith("/") ? "" : "/") + "api/v1/query");
  }

  private static HttpClient http(Transport transport) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(transport.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER);
    if (transport.caPem() != null) {
      builder.sslContext(TrustedCertificates.sslContext(transport.caPem()));
    }
    return builder.build();
  }

  public static PrometheusClient create(PrometheusConnection connection) {
    return new PrometheusClient(connection, d -> Thread.sleep(d), QueryObserver.NONE);
  }

  public static PrometheusClient create(
      PrometheusConnection connection, Sleeper sleeper, QueryObserver observer) {
    return new PrometheusClient(
        connection, Objects.requireNonNull(sleeper), Objects.requireNonNull(observer));
  }

  /** An instant query evaluated now. */
  public QueryResult query(String promql) {
    return query(promql, null);
  }

  /** An instant query evaluated at {@code time} (now when null). */
  public QueryResult query(String promql, Instant time) {
    long started = System.nanoTime();
    QueryResult result = attempt(promql, time);
    observer.onQuery(promql, result, Duration.ofNanos(System.nanoTime() - started));
    return result;
  }

  private QueryResult attempt(String promql, Instant time) {
    HttpRequest request = request(promql, time);
    QueryResult last = null;
    for (int attempt = 1; attempt <= connection.maxAttempts(); attempt++) {
      if (attempt > 1) {
        try {
          sleeper.sleep(connection.backoffBefore(attempt));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return new QueryResult.Error(
              QueryResult.ErrorKind.UNREACHABLE, "interrupted while retrying", attempt - 1);
        }
      }
      last = once(request, attempt);
      if (!(last instanceof QueryResult.Error error) || !retryable(error.kind())) {
        return last;
      }
    }
    return last;
  }

  private QueryResult once(HttpRequest request, int attempt) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      return new QueryResult.Error(
          QueryResult.ErrorKind.TIMEOUT,
          "no answer within " + connection.timeout().toMillis() + "ms",
          attempt);
    } catch (IOException e) {
      return new QueryResult.Error(QueryResult.ErrorKind.UNREACHABLE, describe(e), attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new QueryResult.Error(QueryResult.ErrorKind.UNREACHABLE, "interrupted", attempt);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return ResultDecoder.decodeSuccess(response.body(), attempt);
    }
    String message = ResultDecoder.errorMessage(status, response.body());
    QueryResult.ErrorKind kind =
        switch (status) {
          case 400, 422 -> QueryResult.ErrorKind.BAD_QUERY;
          case 401, 403 -> QueryResult.ErrorKind.UNAUTHORIZED;
          default ->
              status >= 500 ? QueryResult.ErrorKind.SERVER : QueryResult.ErrorKind.BAD_RESPONSE;
        };
    return new QueryResult.Error(kind, message, attempt);
  }

  private static boolean retryable(QueryResult.ErrorKind kind) {
    return kind == QueryResult.ErrorKind.UNREACHABLE
        || kind == QueryResult.ErrorKind.TIMEOUT
        || kind == QueryResult.ErrorKind.SERVER;
  }

  private HttpRequest request(String promql, Instant time) {
    StringBuilder query =
        new StringBuilder("query=")
            .append(URLEncoder.encode(promql, StandardCharsets.UTF_8))
            .append("&timeout=")
            .append(connection.timeout().toMillis())
            .append("ms");
    if (time != null) {
      query
          .append("&time=")
          .append(time.getEpochSecond())
          .append('.')
          .append(String.format("%09d", time.getNano()));
    }
    HttpRequest.Builder builder =
        query.length() <= MAX_GET_QUERY_LENGTH
            ? HttpRequest.newBuilder(URI.create(queryEndpoint + "?" + query)).GET()
            : HttpRequest.newBuilder(queryEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(query.toString()));
    builder.timeout(connection.timeout()).header("Accept", "application/json");
    connection.auth().header().ifPresent(h -> builder.header("Authorization", h));
    return builder.build();
  }

  private static String describe(IOException e) {
    StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
    if (e.getMessage() != null) {
      text.append(": ").append(e.getMessage());
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e) {
      text.append(" (").append(root.getClass().getSimpleName());
      if (root.getMessage() != null) {
        text.append(": ").append(root.getMessage());
      }
      text.append(')');
    }
    return text.toString();
  }
}
