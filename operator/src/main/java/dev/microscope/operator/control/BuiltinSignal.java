package dev.microscope.operator.control;

/**
 * The signals the operator reads every cycle. Each is one PromQL query per fleet: a fleet value, or
 * a vector by worker. {@link #metricName()} is the bounded value of the {@code signal} label of
 * {@code microscope_operator_signal_value}.
 */
public enum BuiltinSignal {
  /** Availability error budget burn rate: error ratio / (1 - objective); 1 = on budget. */
  BURN_RATE_M5(SignalScope.FLEET, "burn_rate_5m"),
  BURN_RATE_M30(SignalScope.FLEET, "burn_rate_30m"),
  BURN_RATE_H1(SignalScope.FLEET, "burn_rate_1h"),
  BURN_RATE_H2(SignalScope.FLEET, "burn_rate_2h"),
  BURN_RATE_H6(SignalScope.FLEET, "burn_rate_6h"),
  BURN_RATE_D1(SignalScope.FLEET, "burn_rate_1d"),
  BURN_RATE_D3(SignalScope.FLEET, "burn_rate_3d"),
  /** Share of the availability error budget left over the SLO window: 1 untouched, 0 spent. */
  ERROR_BUDGET_REMAINING(SignalScope.FLEET, "error_budget_remaining"),
  LATENCY_P99_SECONDS(SignalScope.FLEET, "latency_p99_seconds"),
  /** Share of requests slower than the SLO latency threshold, over 5m. */
  LATENCY_SLO_VIOLATION_RATIO(SignalScope.FLEET, "latency_slo_violation_ratio"),

  WORKER_ERROR_RATIO(SignalScope.WORKER, "worker_error_ratio"),
  WORKER_LATENCY_P99_SECONDS(SignalScope.WORKER, "worker_latency_p99_seconds"),
  /** Resident memory of the worker's process over its limit. */
  WORKER_MEMORY_USAGE_RATIO(SignalScope.WORKER, "worker_memory_usage_ratio"),
  /** Seconds until the process reaches its limit at the current trend; +Inf when not growing. */
  WORKER_MEMORY_TIME_TO_LIMIT_SECONDS(SignalScope.WORKER, "worker_memory_time_to_limit_seconds"),
  WORKER_LEAK_BYTES_PER_SECOND(SignalScope.WORKER, "worker_leak_bytes_per_second"),
  /** CPU used by the worker's process as a share of the CPUs it has (0..1). */
  WORKER_CPU_SATURATION(SignalScope.WORKER, "worker_cpu_saturation"),
  /** 0 (consistent) .. 1 (lying): the strongest of its components (see details). */
  WORKER_LIAR_SCORE(SignalScope.WORKER, "worker_liar_score"),
  /** Restarts (start time changes) in the last hour. */
  WORKER_RESTARTS(SignalScope.WORKER, "worker_restarts"),
  /** 1 when the worker's scrape target is up, 0 when down. */
  WORKER_UP(SignalScope.WORKER, "worker_up"),
  /** Samples exposed by the worker's scrape target (its series count). */
  WORKER_TARGET_SERIES(SignalScope.WORKER, "worker_target_series"),
  /** New series the worker's scrape target created in the last 5m. */
  WORKER_SERIES_ADDED(SignalScope.WORKER, "worker_series_added");

  private final SignalScope scope;
  private final String metricName;

  BuiltinSignal(SignalScope scope, String metricName) {
    this.scope = scope;
    this.metricName = metricName;
  }

  public SignalScope scope() {
    return scope;
  }

  public String metricName() {
    return metricName;
  }
}
