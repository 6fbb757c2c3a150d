package dev.microscope.operator.local;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscope.operator.api.v1alpha1.DecisionEntry;
import dev.microscope.operator.control.BuiltinSignal;
import dev.microscope.operator.control.FleetPolicy;
import dev.microscope.operator.loop.FleetPolicyMapper;
import dev.microscope.operator.loop.WorkerHost;
import dev.microscope.operator.prometheus.FleetScope;
import dev.microscope.operator.prometheus.SignalQueries;
import dev.microscope.testkit.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A closed-loop scenario: the real {@code microscope local} runtime on a fleet of e2e/local/fleets,
 * with a real Prometheus (1 s scrape and evaluation, the project's rules) and Alertmanager and real
 * worker processes, in a run directory of the test's own. Closing it stops everything and checks
 * that no process it started is left.
 */
final class Scenario implements AutoCloseable {
  static final Duration SCRAPE = Duration.ofSeconds(1);
  static final Duration WAIT = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LocalRuntime runtime;
  private final List<Long> pids = new ArrayList<>();

  private Scenario(LocalRuntime runtime) {
    this.runtime = runtime;
  }

  static Path repositoryRoot() {
    return Path.of(System.getProperty("microscope.repositoryRoot", ".."));
  }

  static Path fleet(String name) {
    return repositoryRoot().resolve("e2e/local/fleets").resolve(name + ".yaml");
  }

  static LocalOptions options(Path fleetFile, Path runDir) {
    return new LocalOptions(
        fleetFile,
        runDir,
        null,
        null,
        Path.of(
            System.getProperty(
                "microscope.workerJar", "../worker-image/target/microscope-worker.jar")),
        repositoryRoot().resolve("prometheus-rules"),
        SCRAPE,
        0.05,
        false,
        null,
        0);
  }

  static Scenario start(LocalOptions options) throws IOException {
    return new Scenario(LocalRuntime.start(options));
  }

  LocalRuntime runtime() {
    return runtime;
  }

  /** Waits until every desired worker is ready, the traffic generator runs and Prometheus reads. */
  Scenario awaitHealthy() {
    await("fleet " + runtime.fleetName() + " healthy")
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> LocalCommand.healthy(runtime));
    remember();
    return this;
  }

  /** Notes the pids of every process now, to check they are all gone after close. */
  void remember() {
    pids.addAll(runtime.pids().values());
    pids.add(runtime.prometheusPid());
  }

  List<WorkerHost> serving() {
    return runtime.hosts().stream().filter(h -> !h.quarantined()).toList();
  }

  /** The decision taken on {@code target} with {@code action}, not a blocked one. */
  Optional<DecisionEntry> findDecision(String action, Predicate<String> target) {
    var status = runtime.status();
    if (status == null || status.getDecisions() == null) {
      return Optional.empty();
    }
    return status.getDecisions().stream()
        .filter(d -> action.equals(d.getAction()) && target.test(d.getTarget()))
        .filter(d -> !"blocked".equals(d.getResult()) && !"failed".equals(d.getResult()))
        .findFirst();
  }

  DecisionEntry awaitDecision(String action, Predicate<String> target) {
    return await(action + " in the decision log")
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> findDecision(action, target), Optional::isPresent)
        .get();
  }

  /** A decision on {@code target} held back by the safety governor. */
  DecisionEntry awaitBlocked(String action, String target) {
    return await(action + " " + target + " held back")
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              var status = runtime.status();
              return status == null || status.getDecisions() == null
                  ? Optional.<DecisionEntry>empty()
                  : status.getDecisions().stream()
                      .filter(d -> action.equals(d.getAction()) && target.equals(d.getTarget()))
                      .filter(d -> "blocked".equals(d.getResult()))
                      .findFirst();
            },
            Optional::isPresent)
        .get();
  }

  /** The decision log in one line per entry, for assertion messages. */
  String decisionSummary() {
    var status = runtime.status();
    if (status == null || status.getDecisions() == null) {
      return "(none)";
    }
    var b = new StringBuilder();
    for (var d : status.getDecisions()) {
      b.append("\n  ")
          .append(d.getTime())
          .append(' ')
          .append(d.getAction())
          .append(' ')
          .append(d.getTarget())
          .append(" [")
          .append(d.getRule())
          .append(", ")
          .append(d.getResult())
          .append("] ")
          .append(d.getReason());
    }
    return b.toString();
  }

  String token() {
    try {
      return Files.readString(runtime.adminTokenFile()).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode admin(String method, URI base, String path, String body) {
    var request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Authorization", "Bearer " + token())
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    try {
      return JSON.readTree(Http.send(request).body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The chaos of a host's first worker as its admin API reports it; empty when it is down. */
  Optional<JsonNode> chaos(WorkerHost host) {
    try {
      return Optional.of(admin("GET", host.admin(), "/admin/chaos", null).at("/workers/0/chaos"));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** An instant query's samples, as label maps with a value. */
  List<Map.Entry<Map<String, String>, Double>> query(String promql) {
    var url =
        runtime.prometheusUrl()
            + "/api/v1/query?query="
            + URLEncoder.encode(promql, StandardCharsets.UTF_8);
    try {
      var root = JSON.readTree(Http.get(url).body());
      var out = new ArrayList<Map.Entry<Map<String, String>, Double>>();
      for (JsonNode r : root.at("/data/result")) {
        Map<String, String> labels = JSON.convertValue(r.get("metric"), Map.class);
        out.add(Map.entry(labels, Double.parseDouble(r.at("/value/1").asText())));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fleet's policy, as the control loop reads it from the fleet file. */
  FleetPolicy policy() {
    return FleetPolicyMapper.map(runtime.fleet().getSpec(), false);
  }

  /** A user rule's query as the control loop renders it for this fleet. */
  String render(String template) {
    return new FleetScope(FleetFile.NAMESPACE, runtime.fleetName()).render(template);
  }

  /** The PromQL the control loop asks Prometheus for {@code signal}, for this fleet. */
  String signal(BuiltinSignal signal) {
    return new SignalQueries(
            new FleetScope(FleetFile.NAMESPACE, runtime.fleetName()), policy().slo())
        .query(signal);
  }

  /**
   * When a condition was first true: the earliest instant in {@code [from, to]}, in steps of a
   * tenth of a scrape interval, at which Prometheus' answer to {@code promql} as of that instant
   * had a sample whose labels {@code match}. This is the detection moment of a reaction: from then
   * on a loop asking Prometheus could have seen it. Prometheus records rule results and scraped
   * samples at their evaluation and scrape times, so asking afterwards sees what a query at the
   * time saw (or a little earlier: a sample is stamped when its scrape starts).
   */
  Optional<Instant> firstTrue(
      String promql, Predicate<Map<String, String>> match, Instant from, Instant to) {
    double step = SCRAPE.toMillis() / 10_000.0;
    var url =
        runtime.prometheusUrl()
            + "/api/v1/query_range?query="
            + URLEncoder.encode(promql, StandardCharsets.UTF_8)
            + "&start="
            + seconds(from)
            + "&end="
            + seconds(to)
            + "&step="
            + step;
    try {
      var root = JSON.readTree(Http.get(url).body());
      if (!"success".equals(root.path("status").asText())) {
        throw new AssertionError("query_range failed: " + root + " for " + promql);
      }
      Optional<Instant> first = Optional.empty();
      for (JsonNode r : root.at("/data/result")) {
        Map<String, String> labels = JSON.convertValue(r.get("metric"), Map.class);
        if (!match.test(labels) || r.path("values").isEmpty()) {
          continue;
        }
        double t = r.path("values").get(0).get(0).asDouble();
        var at = Instant.ofEpochMilli(Math.round(t * 1000));
        if (first.isEmpty() || at.isBefore(first.get())) {
          first = Optional.of(at);
        }
      }
      return first;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@link #firstTrue} for a condition an action at {@code to} proves was true: fails when never
   * seen. The search goes one scrape interval past the action (a loop that acts within one step of
   * the condition's start could fall between two steps) and answers no later than the action.
   */
  Instant detected(String promql, Predicate<Map<String, String>> match, Instant from, Instant to) {
    return firstTrue(promql, match, from, to.plus(SCRAPE))
        .map(at -> at.isAfter(to) ? to : at)
        .orElseThrow(
            () ->
                new AssertionError(
                    "condition never true between "
                        + from
                        + " and "
                        + to
                        + " (now: "
                        + query(promql)
                        + "): "
                        + promql));
  }

  private static String seconds(Instant t) {
    return "%d.%03d".formatted(t.getEpochSecond(), t.getNano() / 1_000_000);
  }

  @Override
  public void close() {
    remember();
    runtime.close();
    var alive =
        pids.stream()
            .filter(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false))
            .toList();
    if (!alive.isEmpty()) {
      alive.forEach(p -> ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly));
      throw new AssertionError("processes left running after close: " + alive);
    }
  }
}
