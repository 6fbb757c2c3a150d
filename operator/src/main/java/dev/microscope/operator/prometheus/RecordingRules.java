package dev.microscope.operator.prometheus;

import dev.microscope.operator.control.BurnWindow;

/**
 * Names of the recording rules in {@code prometheus-rules/} that the operator's queries prefer when
 * Prometheus has them (every query falls back to the raw expression when a rule's series is
 * missing). All in one place, to keep them aligned with the rule files and docs/contract.md.
 */
public final class RecordingRules {
  private RecordingRules() {}

  /** 1 where a fleet's own rule group records its SLO; labels namespace, fleet. */
  public static final String SLO_FLEET_RULE = "namespace_fleet:microscope_slo_fleet_rule:info";

  /** The fleet's SLO parameters; labels namespace, fleet. */
  public static final String SLO_AVAILABILITY_OBJECTIVE =
      "namespace_fleet:microscope_slo_availability_objective:ratio";

  public static final String SLO_LATENCY_OBJECTIVE =
      "namespace_fleet:microscope_slo_latency_objective:ratio";

  public static final String SLO_LATENCY_THRESHOLD =
      "namespace_fleet:microscope_slo_latency_threshold:seconds";

  public static final String SLO_WINDOW = "namespace_fleet:microscope_slo_window:seconds";

  /** Fleet rates over 5m that the SLO-window ratios sum; labels namespace, fleet (and le). */
  public static final String FLEET_REQUESTS = "namespace_fleet:microscope_requests:rate5m";

  public static final String FLEET_ERRORS = "namespace_fleet:microscope_requests_errors:rate5m";

  public static final String FLEET_WITHIN_THRESHOLD =
      "namespace_fleet:microscope_requests_within_threshold:rate5m";

  public static final String FLEET_BUCKETS =
      "namespace_fleet_le:microscope_request_duration_seconds_bucket:rate5m";

  /** Error ratio and latency compliance over the SLO window; labels namespace, fleet. */
  public static final String ERROR_RATIO_WINDOW =
      "namespace_fleet:microscope_requests_errors_per_requests:ratio_window";

  public static final String WITHIN_THRESHOLD_RATIO_WINDOW =
      "namespace_fleet:microscope_requests_within_threshold_per_requests:ratio_window";

  /** Availability error budget burn rate over one window; labels namespace, fleet. */
  public static String burnRate(BurnWindow window) {
    return "namespace_fleet:microscope_availability_error_budget_burn:ratio_rate" + window.label();
  }

  /** Share of the availability error budget left over the SLO window; labels namespace, fleet. */
  public static final String ERROR_BUDGET_REMAINING =
      "namespace_fleet:microscope_availability_error_budget_remaining:ratio";

  /** Fleet latency quantiles over 5m; labels namespace, fleet, quantile. */
  public static final String LATENCY_QUANTILE =
      "namespace_fleet_quantile:microscope_request_duration_seconds:histogram_quantile_rate5m";

  /** Share of requests within the SLO latency threshold over 5m; labels namespace, fleet. */
  public static final String WITHIN_LATENCY_THRESHOLD =
      "namespace_fleet:microscope_requests_within_threshold_per_requests:ratio_rate5m";

  /** Per-worker rules carry namespace, fleet, instance and worker. */
  public static final String WORKER_ERROR_RATIO =
      "namespace_fleet_instance_worker:microscope_requests_errors_per_requests:ratio_rate5m";

  /** Proposed, not recorded yet. */
  public static final String WORKER_LATENCY_QUANTILE =
      "namespace_fleet_instance_worker_quantile:microscope_request_duration_seconds:histogram_quantile_rate5m";

  /** Proposed, not recorded yet. */
  public static final String WORKER_MEMORY_USAGE =
      "namespace_fleet_instance_worker:microscope_memory_usage_per_limit:ratio";

  public static final String WORKER_MEMORY_TIME_TO_LIMIT =
      "namespace_fleet_instance_worker:microscope_memory_time_to_limit:seconds";

  public static final String WORKER_LEAK_SLOPE =
      "namespace_fleet_instance_worker:microscope_worker_memory_leaked_bytes:deriv15m";

  /** Proposed, not recorded yet. */
  public static final String WORKER_CPU_SATURATION =
      "namespace_fleet_instance_worker:microscope_cpu_saturation:ratio";

  /** Liar score components; labels namespace, fleet, instance, worker, component. */
  public static final String WORKER_LIAR_COMPONENT =
      "namespace_fleet_instance_worker:microscope_worker_liar_component:ratio";

  public static final String WORKER_RESTARTS =
      "namespace_fleet_instance_worker:microscope_worker_start_time_seconds:changes1h";

  /** Proposed, not recorded yet. */
  public static final String WORKER_UP = "namespace_fleet_instance_worker:up:min";

  /** Per scrape target; labels namespace, job, instance (no fleet). */
  public static final String TARGET_SAMPLES = "namespace_job_instance:scrape_samples_scraped:max";

  public static final String TARGET_SERIES_ADDED =
      "namespace_job_instance:scrape_series_added:sum_over_time5m";
}
