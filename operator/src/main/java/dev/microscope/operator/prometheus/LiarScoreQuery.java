package dev.microscope.operator.prometheus;

import static dev.microscope.operator.prometheus.PromQl.by;
import static dev.microscope.operator.prometheus.PromQl.call;
import static dev.microscope.operator.prometheus.SignalQueries.HOUR;
import static dev.microscope.operator.prometheus.SignalQueries.SHORT;
import static dev.microscope.operator.prometheus.SignalQueries.WORKER;

/**
 * The liar score's components by worker, in one query (the score is the highest component):
 *
 * <ul>
 *   <li>{@code traffic}: |requests the worker counted - requests the traffic generator got
 *       answered| / the latter, capped at 1
 *   <li>{@code errors}: |worker's 5xx ratio - the traffic generator's 5xx ratio|
 *   <li>{@code latency}: |1 - worker's mean latency / the traffic generator's|, capped at 1
 *   <li>{@code errors_above_requests}: errors counted beyond requests, relative, capped at 1
 *   <li>{@code counter_reset}: 1 when the request counter went backwards more often than the worker
 *       restarted in the last hour
 * </ul>
 *
 * Each component carries a {@code component} label; a component without data (no traffic generator,
 * no traffic) drops out instead of hiding the others.
 */
final class LiarScoreQuery {
  private final FleetScope scope;

  LiarScoreQuery(FleetScope scope) {
    this.scope = scope;
  }

  String query() {
    Selector requests = scope.series(ContractMetrics.REQUESTS);
    Selector sent = scope.series(ContractMetrics.SENT);
    String said = rate(requests);
    String saw = rate(sent.ne("code_class", "error"));
    String saidRatio = ratio(rate(requests.eq("code_class", "5xx")), said);
    String sawRatio = ratio(rate(sent.eq("code_class", "5xx")), saw);
    String saidMean = mean(ContractMetrics.DURATION);
    String sawMean = mean(ContractMetrics.SENT_DURATION);

    String traffic = clamp("abs(" + said + " - " + saw + ") / (" + saw + " > 0)");
    String errors = "abs(" + saidRatio + " - " + sawRatio + ")";
    String latency = call("clamp_max", "abs(1 - " + saidMean + " / (" + sawMean + " > 0))", "1");
    String errorsAbove =
        clamp(
            "("
                + rate(scope.series(ContractMetrics.ERRORS))
                + " - "
                + said
                + ") / ("
                + said
                + " > 0)");
    String counterReset =
        clamp(
            by("max", WORKER, call("resets", requests.range(HOUR)))
                + " - "
                + by(
                    "max",
                    WORKER,
                    call("changes", scope.series(ContractMetrics.START_TIME).range(HOUR))));
    String raw =
        String.join(
            " or ",
            component(traffic, "traffic"),
            component(errors, "errors"),
            component(latency, "latency"),
            component(errorsAbove, "errors_above_requests"),
            component(counterReset, "counter_reset"));
    String labels = WORKER + ", component";
    return by(
        "max",
        labels,
        scope.series(RecordingRules.WORKER_LIAR_COMPONENT)
            + " or on ("
            + labels
            + ") ("
            + raw
            + ")");
  }

  private static String rate(Selector selector) {
    return by("sum", WORKER, call("rate", selector.range(SHORT)));
  }

  /** part / whole, with a missing part as 0 and no sample without traffic. */
  private static String ratio(String part, String whole) {
    return "((" + part + " or 0 * " + whole + ") / (" + whole + " > 0))";
  }

  private String mean(String histogram) {
    return "("
        + rate(scope.series(histogram + "_sum"))
        + " / ("
        + rate(scope.series(histogram + "_count"))
        + " > 0))";
  }

  private static String clamp(String expr) {
    return call("clamp", expr, "0", "1");
  }

  private static String component(String expr, String name) {
    return call("label_replace", expr, "\"component\"", PromQl.quote(name), "\"\"", "\"\"");
  }
}
