package dev.microscope.operator.prometheus;

import static dev.microscope.operator.prometheus.PromQl.by;
import static dev.microscope.operator.prometheus.PromQl.call;

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
 * where Prometheus has it, the raw expression where it does not, in one round trip. An outer
 * aggregation by the fleet's (or worker's) labels drops the extra labels rules may carry.
 *
 * <p>Process-level metrics (memory, CPU, scrape health) are joined to every worker their process
 * hosts through {@code microscope_worker_start_time_seconds} on {@code namespace, instance}.
 */
public final class SignalQueries {
  static final String FLEET = "namespace, fleet";
  static final String WORKER = "namespace, fleet, worker";
  static final String TARGET = "namespace, instance";
  static final Duration SHORT = Duration.ofMinutes(5);
  static final Duration TREND = Duration.ofMinutes(15);

  /** Samples a memory trend needs before it predicts anything (30 s at a 1 s scrape). */
  static final int TREND_MIN_SAMPLES = 10;

  static final Duration TREND_MIN_UPTIME = Duration.ofSeconds(30);

  static final Duration HOUR = Duration.ofHours(1);
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
              rule(RecordingRules.ERROR_BUDGET_REMAINING),
              "1 - " + errorRatio(FLEET, slo.window()) + " / " + errorBudget());
      case LATENCY_P99_SECONDS ->
          fleet(
              scope.series(RecordingRules.LATENCY_QUANTILE).eq("quantile", "0.99").toString(),
              p99(FLEET));
      case LATENCY_SLO_VIOLATION_RATIO ->
          fleet("(1 - " + rule(RecordingRules.WITHIN_LATENCY_THRESHOLD) + ")", latencyViolation());
      case WORKER_ERROR_RATIO ->
          worker("max", rule(RecordingRules.WORKER_ERROR_RATIO), errorRatio(WORKER, SHORT));
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
              rule(RecordingRules.WORKER_MEMORY_USAGE),
              perWorker(
                  perTarget(ContractMetrics.RESIDENT_MEMORY)
                      + " / "
                      + perTarget(ContractMetrics.MEMORY_LIMIT)));
      case WORKER_MEMORY_TIME_TO_LIMIT_SECONDS ->
          worker("max", rule(RecordingRules.WORKER_MEMORY_TIME_TO_LIMIT), timeToLimit());
      case WORKER_LEAK_BYTES_PER_SECOND ->
          worker(
              "max",
              rule(RecordingRules.WORKER_LEAK_SLOPE),
              by("max", WORKER, call("deriv", series(ContractMetrics.LEAKED_BYTES).range(TREND))));
      case WORKER_CPU_SATURATION ->
          worker("max", rule(RecordingRules.WORKER_CPU_SATURATION), cpuSaturation());
      case WORKER_LIAR_SCORE -> new LiarScoreQuery(scope).query();
      case WORKER_RESTARTS ->
          worker(
              "max",
              rule(RecordingRules.WORKER_RESTARTS),
              by("max", WORKER, call("changes", series(ContractMetrics.START_TIME).range(HOUR))));
      case WORKER_UP ->
          worker(
              "min",
              rule(RecordingRules.WORKER_UP),
              join(
                  workersSeenWithin(UP_LOOKBACK),
                  by("max", TARGET, scope.targets(ContractMetrics.UP).toString())));
      case WORKER_TARGET_SERIES ->
          by(
              "max",
              WORKER,
              perWorker(
                  targetRuleOrRaw(
                      RecordingRules.TARGET_SAMPLES,
                      scope.targets(ContractMetrics.SAMPLES_SCRAPED).toString())));
      case WORKER_SERIES_ADDED ->
          by(
              "max",
              WORKER,
              perWorker(
                  targetRuleOrRaw(
                      RecordingRules.TARGET_SERIES_ADDED,
                      call(
                          "sum_over_time",
                          scope.targets(ContractMetrics.SERIES_ADDED).range(SHORT)))));
    };
  }

  private String burnRate(BurnWindow window) {
    return fleet(
        rule(RecordingRules.burnRate(window)),
        errorRatio(FLEET, window.duration()) + " / " + errorBudget());
  }

  private String errorBudget() {
    return PromQl.oneMinus(slo.availabilityObjective());
  }

  /** 5xx share of requests; no sample without traffic (0/0 is no data, never 0). */
  private String errorRatio(String labels, Duration window) {
    Selector requests = series(ContractMetrics.REQUESTS);
    String total = by("sum", labels, call("rate", requests.range(window)));
    String errors = by("sum", labels, call("rate", requests.eq("code_class", "5xx").range(window)));
    return "((" + errors + " or 0 * " + total + ") / (" + total + " > 0))";
  }

  private String p99(String labels) {
    Selector buckets = series(ContractMetrics.DURATION + "_bucket");
    return call(
        "histogram_quantile",
        "0.99",
        by("sum", labels + ", le", call("rate", buckets.range(SHORT))));
  }

  private String latencyViolation() {
    Selector buckets = series(ContractMetrics.DURATION + "_bucket");
    String threshold = PromQl.bucketRegex(slo.latencyThresholdSeconds());
    String within = by("sum", FLEET, call("rate", buckets.re("le", threshold).range(SHORT)));
    String all = by("sum", FLEET, call("rate", buckets.eq("le", "+Inf").range(SHORT)));
    return "1 - " + within + " / (" + all + " > 0)";
  }

  /**
   * Seconds until resident memory meets the limit on the trend of 15 minutes, solving {@code
   * predict_linear} for the limit: (limit - fitted value now) / slope. A flat or shrinking process
   * never gets there (+Inf); one already over its limit has 0 left. The trend leaves out a
   * process's first {@link #TREND_MIN_UPTIME} (a JVM grows while it warms up, and a line fitted
   * through its first seconds would call that a leak) and needs {@link #TREND_MIN_SAMPLES} samples
   * after it. The recording rules of prometheus-rules/workers.rules.yml say the same.
   */
  private String timeToLimit() {
    String warm =
        perTarget(ContractMetrics.RESIDENT_MEMORY)
            + " and on ("
            + TARGET
            + ") (time() - "
            + perTarget(ContractMetrics.START_TIME)
            + " >= "
            + TREND_MIN_UPTIME.toSeconds()
            + ")";
    String trend = "(" + warm + ")[" + PromQl.duration(TREND) + ":]";
    String remaining =
        perTarget(ContractMetrics.MEMORY_LIMIT) + " - " + call("predict_linear", trend, "0");
    String slope = call("clamp_min", call("deriv", trend), "0");
    String enough = call("count_over_time", trend) + " >= " + TREND_MIN_SAMPLES;
    return perWorker(
        "(" + call("clamp_min", "(" + remaining + ") / " + slope, "0") + " and " + enough + ")");
  }

  /** The CPU usage gauge (0..1 of the process' CPUs), or CPU seconds per second over CPU count. */
  /**
   * CPU used over CPU allowed: {@code process_cpu_seconds_total} over the worker's own {@code
   * microscope_worker_cpu_limit_cores} (its cgroup quota, fractions kept), or over {@code
   * system_cpu_count} for other processes; a {@code process_cpu_usage} gauge only where there are
   * no CPU seconds (it is relative to the host's CPUs, not to a container's quota).
   */
  private String cpuSaturation() {
    String allowed =
        "("
            + perTarget(ContractMetrics.CPU_LIMIT)
            + " or on ("
            + TARGET
            + ") "
            + perTarget(ContractMetrics.CPU_COUNT)
            + ")";
    String fromSeconds =
        by("max", TARGET, call("rate", series(ContractMetrics.CPU_SECONDS).range(CPU_WINDOW)))
            + " / "
            + allowed;
    String usage =
        by(
            "max",
            TARGET,
            call("avg_over_time", series(ContractMetrics.CPU_USAGE).range(CPU_WINDOW)));
    return perWorker("(" + fromSeconds + " or on (" + TARGET + ") " + usage + ")");
  }

  private String fleet(String rule, String raw) {
    return by("max", FLEET, rule + " or on (" + FLEET + ") (" + raw + ")");
  }

  private String worker(String aggregation, String rule, String raw) {
    return by(aggregation, WORKER, rule + " or on (" + WORKER + ") (" + raw + ")");
  }

  private String rule(String name) {
    return scope.series(name).toString();
  }

  private Selector series(String metric) {
    return scope.series(metric);
  }

  /** A process-level metric of the fleet, one value per scrape target. */
  private String perTarget(String metric) {
    return by("max", TARGET, series(metric).toString());
  }

  /** A per-target rule (no fleet label) where it exists, the raw expression elsewhere. */
  private String targetRuleOrRaw(String rule, String raw) {
    return by("max", TARGET, scope.targets(rule) + " or on (" + TARGET + ") " + raw);
  }

  /** {@code perTarget} copied to each worker its target hosts. */
  private String perWorker(String perTarget) {
    return join(series(ContractMetrics.START_TIME).toString(), perTarget);
  }

  /** Workers seen within {@code lookback}: a target that just went down still has its workers. */
  private String workersSeenWithin(Duration lookback) {
    return call("last_over_time", series(ContractMetrics.START_TIME).range(lookback));
  }

  private static String join(String workers, String perTarget) {
    return by("group", "namespace, fleet, instance, worker", workers)
        + " * on ("
        + TARGET
        + ") group_left () ("
        + perTarget
        + ")";
  }
}
