package dev.microscope.operator.prometheus;

import dev.microscope.operator.control.BuiltinSignal;
import dev.microscope.operator.control.BurnWindow;
import dev.microscope.operator.control.Slo;
import dev.microscope.operator.control.UserRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The PromQL of every built-in signal for one fleet: one query per signal, answering with one value
 * for the fleet or a vector by {@code worker}, so the number of queries per cycle does not depend
 * on the number of workers.
 *
 * <p>Each query is {@code <recording rule> or on (<labels>) (<raw expression>)}: the rule's series
 * when Prometheus has it, the raw expression where it does not, in one round trip. An outer
 * aggregation by the fleet's (or worker's) labels drops the extra labels rules may carry.
 *
 * <p>Process-level metrics (memory, CPU, scrape health) are joined to every worker their process
 * hosts through {@code microscope_worker_start_time_seconds} on {@code namespace, instance}.
 */
public final class SignalQueries {
  private static final String FLEET = "namespace, fleet";
  private static final String WORKER = "namespace, fleet, worker";
  private static final String TARGET = "namespace, instance";
  private static final Duration SHORT = Duration.ofMinutes(5);
  private static final Duration TREND = Duration.ofMinutes(15);
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration CPU_WINDOW = Duration.ofMinutes(1);
  private static final Duration UP_LOOKBACK = Duration.ofMinutes(10);

  private final FleetScope scope;
  private final Slo slo;

  public SignalQueries(FleetScope scope, Slo slo) {
    this.scope = scope;
    this.slo = slo;
  }

  /** Every built-in signal, then one query per user rule, in a fixed order. */
  public List<PlannedQuery> plan(List<UserRule> rules) {
    List<PlannedQuery> plan = new ArrayList<>();
    for (BuiltinSignal signal : BuiltinSignal.values()) {
      plan.add(PlannedQuery.builtin(signal, query(signal)));
    }
    for (UserRule rule : rules) {
      plan.add(PlannedQuery.rule(rule.name(), rule.scope(), scope.render(rule.query())));
    }
    return plan;
  }

  public String query(BuiltinSignal signal) {
    return switch (signal) {
      case BURN_RATE_M5 -> burnRate(BurnWindow.M5);
      case BURN_RATE_M30 -> burnRate(BurnWindow.M30);
      case BURN_RATE_H1 -> burnRate(BurnWindow.H1);
      case BURN_RATE_H2 -> burnRate(BurnWindow.H2);
      case BURN_RATE_H6 -> burnRate(BurnWindow.H6);
      case BURN_RATE_D1 -> burnRate(BurnWindow.D1);
      case BURN_RATE_D3 -> burnRate(BurnWindow.D3);
      case ERROR_BUDGET_REMAINING ->
          fleet(
              scope.series(RecordingRules.ERROR_BUDGET_REMAINING).toString(),
              "1 - "
                  + errorRatio(FLEET, slo.window())
                  + " / "
                  + PromQl.oneMinus(slo.availabilityObjective()));
      case LATENCY_P99_SECONDS ->
          fleet(
              scope.series(RecordingRules.LATENCY_QUANTILE).eq("quantile", "0.99").toString(),
              p99(FLEET));
      case LATENCY_SLO_VIOLATION_RATIO ->
          fleet(
              "(1 - " + scope.series(RecordingRules.WITHIN_LATENCY_THRESHOLD) + ")",
              latencyViolation());
      case WORKER_ERROR_RATIO ->
          worker(
              "max",
              scope.series(RecordingRules.WORKER_ERROR_RATIO).toString(),
              errorRatio(WORKER, SHORT));
      case WORKER_LATENCY_P99_SECONDS ->
          worker(
              "max",
              scope
                  .series(RecordingRules.WORKER_LATENCY_QUANTILE)
                  .eq("quantile", "0.99")
                  .toString(),
              p99(WORKER));
      case WORKER_MEMORY_USAGE_RATIO ->
          worker(
              "max",
              scope.series(RecordingRules.WORKER_MEMORY_USAGE).toString(),
              perWorker(byTarget(rss()) + " / " + byTarget(limit()), false));
      case WORKER_MEMORY_TIME_TO_LIMIT_SECONDS ->
          worker(
              "max",
              scope.series(RecordingRules.WORKER_MEMORY_TIME_TO_LIMIT).toString(),
              timeToLimit());
      case WORKER_LEAK_BYTES_PER_SECOND ->
          worker(
              "max",
              scope.series(RecordingRules.WORKER_LEAK_SLOPE).toString(),
              "max by ("
                  + WORKER
                  + ") (deriv("
                  + scope.series("microscope_worker_memory_leaked_bytes").range(TREND)
                  + "))");
      case WORKER_CPU_SATURATION ->
          worker(
              "max",
              scope.series(RecordingRules.WORKER_CPU_SATURATION).toString(),
              cpuSaturation());
      case WORKER_LIAR_SCORE -> liarComponents();
      case WORKER_RESTARTS ->
          worker(
              "max",
              scope.series(RecordingRules.WORKER_RESTARTS).toString(),
              "max by (" + WORKER + ") (changes(" + startTime().range(HOUR) + "))");
      case WORKER_UP ->
          worker(
              "min",
              scope.series(RecordingRules.WORKER_UP).toString(),
              perWorker(byTarget(scope.targets("up").toString()), true));
      case WORKER_TARGET_SERIES ->
          "max by ("
              + WORKER
              + ") ("
              + perWorker(
                  perTarget(
                      RecordingRules.TARGET_SAMPLES,
                      scope.targets("scrape_samples_scraped").toString()),
                  false)
              + ")";
      case WORKER_SERIES_ADDED ->
          "max by ("
              + WORKER
              + ") ("
              + perWorker(
                  perTarget(
                      RecordingRules.TARGET_SERIES_ADDED,
                      "sum_over_time(" + scope.targets("scrape_series_added").range(SHORT) + ")"),
                  false)
              + ")";
    };
  }

  private String burnRate(BurnWindow window) {
    return fleet(
        scope.series(RecordingRules.burnRate(window)).toString(),
        errorRatio(FLEET, window.duration())
            + " / "
            + PromQl.oneMinus(slo.availabilityObjective()));
  }

  /** 5xx share of requests; no sample without traffic (never 0/0 turned into 0). */
  private String errorRatio(String by, Duration window) {
    Selector requests = scope.series("microscope_worker_requests_total");
    String total = sum(by, "rate(" + requests.range(window) + ")");
    String errors = sum(by, "rate(" + requests.eq("code_class", "5xx").range(window) + ")");
    return "((" + errors + " or 0 * " + total + ") / (" + total + " > 0))";
  }

  private String p99(String by) {
    return "histogram_quantile(0.99, sum by ("
        + by
        + ", le) (rate("
        + scope.series("microscope_worker_request_duration_seconds_bucket").range(SHORT)
        + ")))";
  }

  private String latencyViolation() {
    Selector buckets = scope.series("microscope_worker_request_duration_seconds_bucket");
    String within =
        sum(
            FLEET,
            "rate("
                + buckets.re("le", PromQl.bucketRegex(slo.latencyThresholdSeconds())).range(SHORT)
                + ")");
    String all = sum(FLEET, "rate(" + buckets.eq("le", "+Inf").range(SHORT) + ")");
    return "1 - " + within + " / (" + all + " > 0)";
  }

  private String timeToLimit() {
    String trend = scope.series("process_resident_memory_bytes").range(TREND);
    String remaining =
        byTarget(limit()) + " - max by (" + TARGET + ") (predict_linear(" + trend + ", 0))";
    String slope = "clamp_min(max by (" + TARGET + ") (deriv(" + trend + ")), 0)";
    return perWorker("clamp_min((" + remaining + ") / " + slope + ", 0)", false);
  }

  private String cpuSaturation() {
    String usage =
        "max by ("
            + TARGET
            + ") (avg_over_time("
            + scope.series("process_cpu_usage").range(CPU_WINDOW)
            + "))";
    String fromSeconds =
        "max by ("
            + TARGET
            + ") (rate("
            + scope.series("process_cpu_seconds_total").range(CPU_WINDOW)
            + "))"
            + " / "
            + byTarget(scope.series("system_cpu_count").toString());
    return perWorker("(" + usage + " or " + fromSeconds + ")", false);
  }

  /**
   * The liar score's components by worker (the score is the highest): traffic, errors and latency
   * as the worker reports them against what the traffic generator saw, plus two impossibilities,
   * more errors than requests and a counter going backwards without a restart.
   */
  private String liarComponents() {
    Selector requests = scope.series("microscope_worker_requests_total");
    Selector sent = scope.series("microscope_loadgen_requests_total");
    String wReq = sum(WORKER, "rate(" + requests.range(SHORT) + ")");
    String lgReq = sum(WORKER, "rate(" + sent.ne("code_class", "error").range(SHORT) + ")");
    String wErr = sum(WORKER, "rate(" + requests.eq("code_class", "5xx").range(SHORT) + ")");
    String lgErr = sum(WORKER, "rate(" + sent.eq("code_class", "5xx").range(SHORT) + ")");
    String wRatio = "((" + wErr + " or 0 * " + wReq + ") / (" + wReq + " > 0))";
    String lgRatio = "((" + lgErr + " or 0 * " + lgReq + ") / (" + lgReq + " > 0))";
    String wMean = mean("microscope_worker_request_duration_seconds");
    String lgMean = mean("microscope_loadgen_request_duration_seconds");
    String traffic = "clamp(abs(" + wReq + " - " + lgReq + ") / (" + lgReq + " > 0), 0, 1)";
    String errors = "abs(" + wRatio + " - " + lgRatio + ")";
    String latency = "clamp_max(abs(1 - " + wMean + " / (" + lgMean + " > 0)), 1)";
    String errorsAbove =
        "clamp(("
            + sum(
                WORKER, "rate(" + scope.series("microscope_worker_errors_total").range(SHORT) + ")")
            + " - "
            + wReq
            + ") / ("
            + wReq
            + " > 0), 0, 1)";
    String counterReset =
        "clamp(max by ("
            + WORKER
            + ") (resets("
            + requests.range(HOUR)
            + ")) - max by ("
            + WORKER
            + ") (changes("
            + startTime().range(HOUR)
            + ")), 0, 1)";
    String raw =
        String.join(
            " or ",
            component(traffic, "traffic"),
            component(errors, "errors"),
            component(latency, "latency"),
            component(errorsAbove, "errors_above_requests"),
            component(counterReset, "counter_reset"));
    String by = WORKER + ", component";
    return "max by ("
        + by
        + ") ("
        + scope.series(RecordingRules.WORKER_LIAR_COMPONENT)
        + " or on ("
        + by
        + ") ("
        + raw
        + "))";
  }

  private String mean(String histogram) {
    return "("
        + sum(WORKER, "rate(" + scope.series(histogram + "_sum").range(SHORT) + ")")
        + " / ("
        + sum(WORKER, "rate(" + scope.series(histogram + "_count").range(SHORT) + ")")
        + " > 0))";
  }

  private static String component(String expr, String name) {
    return "label_replace(" + expr + ", \"component\", " + PromQl.quote(name) + ", \"\", \"\")";
  }

  private String fleet(String rule, String raw) {
    return "max by (" + FLEET + ") (" + rule + " or on (" + FLEET + ") (" + raw + "))";
  }

  private String worker(String aggregation, String rule, String raw) {
    return aggregation + " by (" + WORKER + ") (" + rule + " or on (" + WORKER + ") (" + raw + "))";
  }

  /** {@code perTarget} (one value per namespace, instance) copied to each worker of the target. */
  private String perWorker(String perTarget, boolean includeRecentlyGone) {
    String workers =
        includeRecentlyGone
            ? "last_over_time(" + startTime().range(UP_LOOKBACK) + ")"
            : startTime().toString();
    return "group by (namespace, fleet, instance, worker) ("
        + workers
        + ") * on ("
        + TARGET
        + ") group_left () ("
        + perTarget
        + ")";
  }

  private String perTarget(String rule, String raw) {
    return "max by ("
        + TARGET
        + ") ("
        + scope.targets(rule)
        + " or on ("
        + TARGET
        + ") "
        + raw
        + ")";
  }

  private Selector startTime() {
    return scope.series("microscope_worker_start_time_seconds");
  }

  private String rss() {
    return scope.series("process_resident_memory_bytes").toString();
  }

  private String limit() {
    return scope.series("microscope_worker_memory_limit_bytes").toString();
  }

  private static String byTarget(String expr) {
    return "max by (" + TARGET + ") (" + expr + ")";
  }

  private static String sum(String by, String expr) {
    return "sum by (" + by + ") (" + expr + ")";
  }
}
