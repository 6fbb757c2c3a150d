package dev.microscope.operator.prometheus;

/** The metric names of docs/contract.md that the operator's queries read. */
final class ContractMetrics {
  static final String REQUESTS = "microscope_worker_requests_total";
  static final String ERRORS = "microscope_worker_errors_total";
  static final String DURATION = "microscope_worker_request_duration_seconds";
  static final String START_TIME = "microscope_worker_start_time_seconds";
  static final String LEAKED_BYTES = "microscope_worker_memory_leaked_bytes";
  static final String MEMORY_LIMIT = "microscope_worker_memory_limit_bytes";
  static final String RESIDENT_MEMORY = "process_resident_memory_bytes";
  static final String CPU_USAGE = "process_cpu_usage";
  static final String CPU_SECONDS = "process_cpu_seconds_total";
  static final String CPU_COUNT = "system_cpu_count";
  static final String CPU_LIMIT = "microscope_worker_cpu_limit_cores";
  static final String SENT = "microscope_loadgen_requests_total";
  static final String SENT_DURATION = "microscope_loadgen_request_duration_seconds";
  static final String UP = "up";
  static final String SAMPLES_SCRAPED = "scrape_samples_scraped";
  static final String SERIES_ADDED = "scrape_series_added";

  private ContractMetrics() {}
}
