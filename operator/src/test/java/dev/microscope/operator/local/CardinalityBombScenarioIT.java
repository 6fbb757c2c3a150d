package dev.microscope.operator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 5: a cardinality bomb. Detected from Prometheus' own scrape metrics by the fleet's rule,
 * the fault is stopped (chaos level 0) and Prometheus' head series stay bounded.
 */
class CardinalityBombScenarioIT {
  @TempDir Path dir;

  @Test
  void bombDetectedFromScrapeMetricsAndStopped() throws Exception {
    try (var s =
        Scenario.start(Scenario.options(Scenario.fleet("cardinality"), dir.resolve("run")))) {
      s.awaitHealthy();
      var bomber =
          await("the bomb on one worker")
              .atMost(Scenario.WAIT)
              .pollInterval(Duration.ofMillis(100))
              .until(
                  () ->
                      s.serving().stream()
                          .filter(h -> s.chaos(h).map(c -> c.has("cardinality")).orElse(false))
                          .findFirst(),
                  Optional::isPresent)
              .get();
      var onset = Instant.now();
      var stop = s.awaitDecision("set_chaos", "fleet"::equals);
      await("the bomb stopped")
          .atMost(Scenario.WAIT)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  s.serving().stream()
                      .noneMatch(h -> s.chaos(h).map(c -> c.has("cardinality")).orElse(true)));
      var stopped = Instant.now();
      assertThat(stop.getRule()).isEqualTo("stop-cardinality-bomb");
      assertThat(stop.getResult()).isEqualTo("applied");
      assertThat(s.runtime().status().getChaosLevel()).isZero();
      double headAtStop = headSeries(s);
      assertThat(headAtStop).as("head series when the bomb stopped").isGreaterThan(0);
      // five more scrapes of the worker: the head stays where it was (the bomb adds nothing more)
      double scrapes = scrapes(s, bomber.name());
      await("five more scrapes")
          .atMost(Scenario.WAIT)
          .pollInterval(Duration.ofMillis(200))
          .until(() -> scrapes(s, bomber.name()) >= scrapes + 5);
      double headLater = headSeries(s);
      assertThat(headLater).as("head series bounded after the stop").isLessThan(headAtStop + 1000);
      var added =
          s.query(
              "max_over_time(scrape_series_added{namespace=\"local\",pod=\""
                  + bomber.name()
                  + "\"}[2m])");
      assertThat(added).isNotEmpty();
      var decided = Instant.parse(stop.getTime());
      var rule =
          s.policy().rules().stream()
              .filter(r -> r.name().equals("stop-cardinality-bomb"))
              .findFirst()
              .orElseThrow();
      ReactionLog.reaction("5 cardinality bomb", "bomb on -> chaos level 0 decided")
          .onset(onset)
          .detected(
              s.detected(
                  "(" + s.render(rule.query()) + ") " + rule.condition(),
                  labels -> true,
                  onset,
                  decided),
              "the fleet's rule " + rule.condition())
          .action(decided)
          .within(rule.forDuration().toSeconds())
          .against(ReactionLog.Peer.HPA, ReactionLog.Peer.KEDA)
          .note(
              "rule value %s; head series %.0f at the stop, %.0f later; bomb off %.1f s after the decision"
                  .formatted(
                      stop.getQueryValue(),
                      headAtStop,
                      headLater,
                      Duration.between(decided, stopped).toMillis() / 1000.0))
          .record();
    }
  }

  private static double scrapes(Scenario s, String pod) {
    return s.query("count_over_time(up{namespace=\"local\",pod=\"" + pod + "\"}[10m])").stream()
        .mapToDouble(e -> e.getValue())
        .max()
        .orElse(0);
  }

  /** Series in Prometheus' head block, from its TSDB status API. */
  private static double headSeries(Scenario s) throws java.io.IOException {
    var body =
        dev.microscope.testkit.Http.get(s.runtime().prometheusUrl() + "/api/v1/status/tsdb").body();
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(body)
        .at("/data/headStats/numSeries")
        .asDouble(Double.NaN);
  }
}
