package dev.microscope.operator.prometheus;

import static dev.microscope.operator.prometheus.PromQl.by;
import static dev.microscope.operator.prometheus.PromQl.call;
import static dev.microscope.operator.prometheus.PromQl.number;
import static dev.microscope.operator.prometheus.SignalQueries.HOUR;
import static dev.microscope.operator.prometheus.SignalQueries.SHORT;
import static dev.microscope.operator.prometheus.SignalQueries.WORKER;

import java.time.Duration;

/**
 * The liar score's components by worker, in one query (the score is the highest component). Each
 * compares the worker's own view with the traffic generator's view of it, relative, in 0..1 (0.5
 * when one view is off by a factor of two), and has no sample without enough evidence:
 *
 * <ul>
 *   <li>{@code traffic}: under-counting {@code 1 - worker / answered} (not judged for {@link
 *       #SETTLING} after a (re)start: a restart loses what its counters held since the last scrape)
 *       plus over-counting {@code 1 - (answered + unanswered) / worker}; needs {@link
 *       #MIN_ANSWERED} answered req/s
 *   <li>{@code errors}: {@code (client 5xx - worker 5xx - requests the worker did not count) /
 *       client 5xx}: the 5xx its clients got that it counted as something else; needs {@link
 *       #MIN_CLIENT_ERRORS} client-seen 5xx/s
 *   <li>{@code latency}: {@code 1 - exp(-|ln(worker mean / client mean)|)}; needs a client mean of
 *       {@link #MIN_CLIENT_MEAN_SECONDS}, {@link #MIN_ANSWERED} answered req/s, at most {@link
 *       #MAX_UNANSWERED_SHARE} of requests without an answer, and not for {@link #LATENCY_SETTLING}
 *       after a (re)start (a cold process answers slowly before its handlers start their clocks)
 *   <li>{@code errors_above_requests}: errors counted beyond requests, relative, capped at 1
 *   <li>{@code counter_reset}: 1 when the request counter went backwards more often than the worker
 *       restarted in the last hour
 * </ul>
 *
 * The recording rules of prometheus-rules/workers.rules.yml compute the same per instance; docs/
 * contract.md ("The liar score") explains the honest differences each formula allows for. Each
 * component carries a {@code component} label; a component without data drops out instead of hiding
 * the others.
 */
final class LiarScoreQuery {
  static final double MIN_ANSWERED = 0.2;
  static final double MIN_CLIENT_ERRORS = 0.05;
  static final double MIN_CLIENT_MEAN_SECONDS = 0.05;
  static final double MAX_UNANSWERED_SHARE = 0.01;
  static final Duration SETTLING = Duration.ofMinutes(5);
  static final Duration LATENCY_SETTLING = Duration.ofMinutes(1);

  private final FleetScope scope;

  LiarScoreQuery(FleetScope scope) {
    this.scope = scope;
  }

  /** The recording rule's components where Prometheus has them, the raw expression elsewhere. */
  String query() {
    String labels = WORKER + ", component";
    return by(
        "max",
        labels,
        scope.series(RecordingRules.WORKER_LIAR_COMPONENT)
            + " or on ("
            + labels
            + ") ("
            + raw()
            + ")");
  }

  /** The components computed from the workers' and traffic generators' own series. */
  String raw() {
    Views v = new Views(scope);
    return String.join(
        " or ",
        component(traffic(v), "traffic"),
        component(errors(v), "errors"),
        component(latency(v), "latency"),
        component(errorsAboveRequests(v), "errors_above_requests"),
        component(counterReset(), "counter_reset"));
  }

  private static String traffic(Views v) {
    String settled = "(time() - " + v.startTime + " >= bool " + number(SETTLING.toSeconds()) + ")";
    String under = call("clamp_min", "1 - " + v.said + " / " + v.answered, "0");
    String over =
        call("clamp_min", "1 - (" + v.answered + " + " + v.unanswered + ") / " + v.said, "0");
    return "(" + under + " * " + settled + " + " + over + ") and " + enoughTraffic(v);
  }

  private static String errors(Views v) {
    String uncounted = call("clamp_min", v.answered + " - " + v.said, "0");
    return call(
        "clamp",
        "("
            + v.sawErrors
            + " - "
            + v.saidErrors
            + " - "
            + uncounted
            + ") / ("
            + v.sawErrors
            + " >= "
            + number(MIN_CLIENT_ERRORS)
            + ")",
        "0",
        "1");
  }

  private static String latency(Views v) {
    String gap = "1 - exp(-abs(ln(" + v.saidMean + " / " + v.sawMean + ")))";
    String answeredAlmostAll =
        "("
            + v.unanswered
            + " <= "
            + number(MAX_UNANSWERED_SHARE)
            + " * ("
            + v.answered
            + " + "
            + v.unanswered
            + "))";
    return "("
        + gap
        + ") and ("
        + v.sawMean
        + " >= "
        + number(MIN_CLIENT_MEAN_SECONDS)
        + ") and "
        + enoughTraffic(v)
        + " and "
        + answeredAlmostAll
        + " and (time() - "
        + v.startTime
        + " >= "
        + number(LATENCY_SETTLING.toSeconds())
        + ")";
  }

  private static String enoughTraffic(Views v) {
    return "(" + v.answered + " >= " + number(MIN_ANSWERED) + ")";
  }

  private String errorsAboveRequests(Views v) {
    String errors = rate(scope.series(ContractMetrics.ERRORS));
    return call("clamp", "(" + errors + " - " + v.said + ") / (" + v.said + " > 0)", "0", "1");
  }

  private String counterReset() {
    return call(
        "clamp",
        by("max", WORKER, call("resets", scope.series(ContractMetrics.REQUESTS).range(HOUR)))
            + " - "
            + by(
                "max",
                WORKER,
                call("changes", scope.series(ContractMetrics.START_TIME).range(HOUR))),
        "0",
        "1");
  }

  /** Per-worker rates and means of both views, each a parenthesised expression by worker. */
  private static final class Views {
    final String said;
    final String saidErrors;
    final String saidMean;
    final String startTime;
    final String answered;
    final String unanswered;
    final String sawErrors;
    final String sawMean;

    Views(FleetScope scope) {
      Selector requests = scope.series(ContractMetrics.REQUESTS);
      Selector sent = scope.series(ContractMetrics.SENT);
      said = rate(requests);
      saidErrors = orZero(rate(requests.eq("code_class", "5xx")), said);
      saidMean = mean(scope, ContractMetrics.DURATION);
      startTime = by("max", WORKER, scope.series(ContractMetrics.START_TIME).toString());
      answered = rate(sent.ne("code_class", "error"));
      unanswered = orZero(rate(sent.eq("code_class", "error")), answered);
      sawErrors = orZero(rate(sent.eq("code_class", "5xx")), answered);
      sawMean = mean(scope, ContractMetrics.SENT_DURATION);
    }

    /** {@code part}, or 0 for every worker of {@code whole} that has no {@code part} series. */
    private static String orZero(String part, String whole) {
      return "(" + part + " or 0 * " + whole + ")";
    }

    private static String mean(FleetScope scope, String histogram) {
      return "("
          + rate(scope.series(histogram + "_sum"))
          + " / ("
          + rate(scope.series(histogram + "_count"))
          + " > 0))";
    }
  }

  private static String rate(Selector selector) {
    return by("sum", WORKER, call("rate", selector.range(SHORT)));
  }

  private static String component(String expr, String name) {
    return call("label_replace", expr, "\"component\"", PromQl.quote(name), "\"\"", "\"\"");
  }
}
