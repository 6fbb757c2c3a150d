package dev.microscope.operator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microscope.testkit.FreePorts;
import dev.microscope.testkit.PrometheusServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a real Prometheus, and against stubs for the failures it cannot make. */
class PrometheusClientTest {
  @TempDir static Path dir;
  private static PrometheusServer prometheus;
  private final List<Duration> pauses = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    prometheus = PrometheusServer.builder(dir.resolve("prometheus")).start();
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  private PrometheusClient client(String url, int attempts) {
    return PrometheusClient.create(
        PrometheusConnection.of(URI.create(url))
            .withTimeout(Duration.ofSeconds(5))
            .withRetries(attempts, Duration.ofMillis(100), Duration.ofMillis(250)),
        pauses::add,
        QueryObserver.NONE);
  }

  private QueryResult query(String promql) {
    return client(prometheus.url(), 3).query(promql);
  }

  @Test
  void decodesScalarVectorMatrixAndString() {
    QueryResult scalar = query("1.5");
    assertThat(scalar).isInstanceOf(QueryResult.Value.class);
    assertThat(((QueryResult.Value) scalar).type()).isEqualTo(QueryResult.ResultType.SCALAR);
    assertThat(((QueryResult.Value) scalar).single()).isEqualTo(1.5);

    QueryResult.Value vector =
        (QueryResult.Value) query("label_replace(vector(2), \"worker\", \"w-1\", \"\", \"\")");
    assertThat(vector.type()).isEqualTo(QueryResult.ResultType.VECTOR);
    assertThat(vector.series())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.label("worker")).isEqualTo("w-1");
              assertThat(s.value()).isEqualTo(2.0);
            });

    QueryResult.Value matrix = (QueryResult.Value) query("vector(3)[5s:1s]");
    assertThat(matrix.type()).isEqualTo(QueryResult.ResultType.MATRIX);
    assertThat(matrix.series().get(0).points())
        .hasSizeGreaterThanOrEqualTo(5)
        .allSatisfy(p -> assertThat(p.value()).isEqualTo(3.0));

    QueryResult.Value text = (QueryResult.Value) query("\"a \\\"quoted\\\" text\"");
    assertThat(text.type()).isEqualTo(QueryResult.ResultType.STRING);
    assertThat(text.text()).isEqualTo("a \"quoted\" text");
  }

  @Test
  void nanIsNoDataAndInfinityIsAFlaggedValue() {
    assertThat(query("0/0")).isInstanceOf(QueryResult.NoData.class);
    assertThat(query("vector(0)/0"))
        .isEqualTo(new QueryResult.NoData(QueryResult.ResultType.VECTOR, "all 1 series were NaN"));

    QueryResult.Value inf = (QueryResult.Value) query("vector(1)/0");
    assertThat(inf.single()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(inf.series().get(0).points().get(0).infinite()).isTrue();
    assertThat(((QueryResult.Value) query("-vector(1)/0")).single())
        .isEqualTo(Double.NEGATIVE_INFINITY);

    // A NaN sample drops out; the other sample of the same answer stays.
    QueryResult.Value mixed =
        (QueryResult.Value)
            query(
                "label_replace(vector(0)/0, \"worker\", \"nan\", \"\", \"\")"
                    + " or label_replace(vector(4), \"worker\", \"four\", \"\", \"\")");
    assertThat(mixed.series())
        .singleElement()
        .satisfies(s -> assertThat(s.label("worker")).isEqualTo("four"));
  }

  @Test
  void aQueryLongerThanAProxysRequestLineLimitIsPostedAndAnswered() {
    String longQuery = "vector(7)" + " + vector(0)".repeat(1200);
    assertThat(longQuery.length()).isGreaterThan(PrometheusClient.MAX_GET_QUERY_LENGTH * 3);
    QueryResult result = query(longQuery);
    assertThat(result).isInstanceOf(QueryResult.Value.class);
    assertThat(((QueryResult.Value) result).single()).isEqualTo(7.0);

    String answer =
        "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1,\"7\"]}}";
    try (StubServer stub = StubServer.answering(200, answer)) {
      client(stub.url(), 1).query("vector(7)");
      client(stub.url(), 1).query(longQuery);
      assertThat(stub.methods()).containsExactly("GET", "POST");
      assertThat(stub.requests().get(1).getQuery()).isNull();
    }
  }

  @Test
  void anUnknownMetricIsNoDataNotZero() {
    assertThat(query("microscope_no_such_metric_total"))
        .isEqualTo(new QueryResult.NoData(QueryResult.ResultType.VECTOR, "empty result"));
    assertThat(query("sum(microscope_no_such_metric_total)"))
        .isInstanceOf(QueryResult.NoData.class);
  }

  @Test
  void aMalformedQueryIsAnErrorAndIsNotRetried() {
    QueryResult result = query("sum(rate(x[5m])");
    assertThat(result)
        .isInstanceOfSatisfying(
            QueryResult.Error.class,
            e -> {
              assertThat(e.kind()).isEqualTo(QueryResult.ErrorKind.BAD_QUERY);
              assertThat(e.kind().blind()).isFalse();
              assertThat(e.reason()).contains("HTTP 400 bad_data", "parse error");
              assertThat(e.attempts()).isEqualTo(1);
            });
    assertThat(pauses).isEmpty();
  }

  @Test
  void aStoppedPrometheusIsAnErrorAfterBoundedRetries() {
    PrometheusServer stopped = PrometheusServer.builder(dir.resolve("stopped")).start();
    String url = stopped.url();
    assertThat(client(url, 3).query("vector(1)")).isInstanceOf(QueryResult.Value.class);
    stopped.close();

    QueryResult result = client(url, 3).query("vector(1)");
    assertThat(result)
        .isInstanceOfSatisfying(
            QueryResult.Error.class,
            e -> {
              assertThat(e.kind()).isEqualTo(QueryResult.ErrorKind.UNREACHABLE);
              assertThat(e.kind().blind()).isTrue();
              assertThat(e.attempts()).isEqualTo(3);
            });
    assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void serverErrorsAreRetriedWithCappedBackoff() {
    try (StubServer stub =
        StubServer.answering(
            503, "{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"starting\"}")) {
      QueryResult result = client(stub.url(), 5).query("vector(1)");
      assertThat(result)
          .isInstanceOfSatisfying(
              QueryResult.Error.class,
              e -> {
                assertThat(e.kind()).isEqualTo(QueryResult.ErrorKind.SERVER);
                assertThat(e.reason()).isEqualTo("HTTP 503 unavailable: starting");
                assertThat(e.attempts()).isEqualTo(5);
              });
      assertThat(stub.requests()).hasSize(5);
      assertThat(pauses)
          .containsExactly(
              Duration.ofMillis(100),
              Duration.ofMillis(200),
              Duration.ofMillis(250),
              Duration.ofMillis(250));
    }
  }

  @Test
  void clientErrorsAreNotRetried() {
    try (StubServer notFound = StubServer.answering(404, "<html>not here</html>");
        StubServer forbidden = StubServer.answering(403, "")) {
      assertThat(client(notFound.url(), 3).query("vector(1)"))
          .isEqualTo(
              new QueryResult.Error(
                  QueryResult.ErrorKind.BAD_RESPONSE, "HTTP 404: <html>not here</html>", 1));
      assertThat(client(forbidden.url(), 3).query("vector(1)"))
          .isEqualTo(new QueryResult.Error(QueryResult.ErrorKind.UNAUTHORIZED, "HTTP 403: ", 1));
      assertThat(notFound.requests()).hasSize(1);
      assertThat(forbidden.requests()).hasSize(1);
      assertThat(pauses).isEmpty();
    }
  }

  @Test
  void anAnswerThatIsNotTheApiIsABadResponse() {
    try (StubServer html = StubServer.answering(200, "<html>login</html>")) {
      assertThat(client(html.url(), 3).query("vector(1)"))
          .isInstanceOfSatisfying(
              QueryResult.Error.class,
              e -> {
                assertThat(e.kind()).isEqualTo(QueryResult.ErrorKind.BAD_RESPONSE);
                assertThat(e.reason()).startsWith("not JSON");
              });
    }
  }

  @Test
  void eachAttemptHasATimeoutAndTheQueryCarriesItToPrometheus() {
    try (StubServer hanging = StubServer.hanging()) {
      PrometheusClient client =
          PrometheusClient.create(
              PrometheusConnection.of(URI.create(hanging.url() + "/prefix"))
                  .withTimeout(Duration.ofMillis(300))
                  .withRetries(2, Duration.ZERO, Duration.ZERO),
              pauses::add,
              QueryObserver.NONE);
      long started = System.nanoTime();
      QueryResult result = client.query("vector(1)");
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(result)
          .isEqualTo(
              new QueryResult.Error(QueryResult.ErrorKind.TIMEOUT, "no answer within 300ms", 2));
      assertThat(took).isLessThan(Duration.ofSeconds(5));
      assertThat(hanging.requests())
          .hasSize(2)
          .allSatisfy(
              uri -> {
                assertThat(uri.getPath()).isEqualTo("/prefix/api/v1/query");
                assertThat(uri.getQuery()).contains("query=vector(1)", "timeout=300ms");
              });
    }
  }

  @Test
  void aClosedPortIsUnreachable() {
    QueryResult result = client("http://127.0.0.1:" + FreePorts.next(), 2).query("vector(1)");
    assertThat(result)
        .isInstanceOfSatisfying(
            QueryResult.Error.class,
            e -> {
              assertThat(e.kind()).isEqualTo(QueryResult.ErrorKind.UNREACHABLE);
              assertThat(e.reason()).contains("ConnectException");
            });
  }

  @Test
  void theObserverSeesEveryQueryWithItsOutcome() {
    List<QueryResult> seen = new CopyOnWriteArrayList<>();
    PrometheusClient client =
        PrometheusClient.create(
            PrometheusConnection.of(URI.create(prometheus.url())),
            pauses::add,
            (promql, result, took) -> seen.add(result));
    client.query("vector(1)");
    client.query("nothing_here");
    client.query("sum(");
    assertThat(seen)
        .extracting(r -> r.getClass().getSimpleName())
        .containsExactly("Value", "NoData", "Error");
  }
}
