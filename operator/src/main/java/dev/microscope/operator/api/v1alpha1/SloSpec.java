package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** Service level objectives of a fleet; rules in prometheus-rules/ compute burn rates from them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SloSpec {
  /** Bucket boundaries of microscope_worker_request_duration_seconds, as durations. */
  public static final String LATENCY_BUCKETS =
      "^(5ms|10ms|25ms|50ms|100ms|200ms|250ms|300ms|500ms|750ms|1s|2500ms|5s|10s)$";

  @JsonPropertyDescription("Share of requests that must succeed, e.g. 0.99.")
  @Min(0.5)
  @Max(0.99999)
  @Default("0.99")
  private double availability = 0.99;

  @JsonPropertyDescription(
      "A request slower than this is bad. Must be a bucket boundary of the worker latency"
          + " histogram: 5ms, 10ms, 25ms, 50ms, 100ms, 200ms, 250ms, 300ms, 500ms, 750ms, 1s,"
          + " 2500ms, 5s or 10s.")
  @Pattern(LATENCY_BUCKETS)
  @Default("300ms")
  private String latencyThreshold = "300ms";

  @JsonPropertyDescription("Share of requests that must be faster than latencyThreshold.")
  @Min(0.5)
  @Max(0.99999)
  @Default("0.95")
  private double latencyObjective = 0.95;

  @JsonPropertyDescription("Window the objectives and the error budget are counted over.")
  @Pattern(Durations.PATTERN)
  @Default("30d")
  private String window = "30d";

  @JsonPropertyDescription(
      "Share of the error budget that must be left before the chaos level may rise, 0 to 1.")
  @Min(0)
  @Max(1)
  @Default("0.25")
  private double minBudgetToEscalate = 0.25;

  public double getAvailability() {
    return availability;
  }

  public void setAvailability(double availability) {
    this.availability = availability;
  }

  public String getLatencyThreshold() {
    return latencyThreshold;
  }

  public void setLatencyThreshold(String latencyThreshold) {
    this.latencyThreshold = latencyThreshold;
  }

  public double getLatencyObjective() {
    return latencyObjective;
  }

  public void setLatencyObjective(double latencyObjective) {
    this.latencyObjective = latencyObjective;
  }

  public String getWindow() {
    return window;
  }

  public void setWindow(String window) {
    this.window = window;
  }

  public double getMinBudgetToEscalate() {
    return minBudgetToEscalate;
  }

  public void setMinBudgetToEscalate(double minBudgetToEscalate) {
    this.minBudgetToEscalate = minBudgetToEscalate;
  }
}
