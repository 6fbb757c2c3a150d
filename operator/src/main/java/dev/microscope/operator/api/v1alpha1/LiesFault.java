package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Falsified metrics: what Prometheus sees differs from what clients get. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LiesFault {
  @JsonPropertyDescription("Count failed requests as successes in the worker's metrics.")
  @Default("false")
  private boolean hideErrors;

  @JsonPropertyDescription(
      "Multiplies the latency the worker reports (0.1 reports ten times faster than true).")
  @Min(0)
  @Max(100)
  @Default("1.0")
  private double latencyFactor = 1.0;

  @JsonPropertyDescription("Stop the worker's request counters from moving.")
  @Default("false")
  private boolean freezeCounters;

  @JsonPropertyDescription("Multiplies the request count the worker reports.")
  @Min(0)
  @Max(100)
  @Default("1.0")
  private double trafficFactor = 1.0;

  public boolean isHideErrors() {
    return hideErrors;
  }

  public void setHideErrors(boolean hideErrors) {
    this.hideErrors = hideErrors;
  }

  public double getLatencyFactor() {
    return latencyFactor;
  }

  public void setLatencyFactor(double latencyFactor) {
    this.latencyFactor = latencyFactor;
  }

  public boolean isFreezeCounters() {
    return freezeCounters;
  }

  public void setFreezeCounters(boolean freezeCounters) {
    this.freezeCounters = freezeCounters;
  }

  public double getTrafficFactor() {
    return trafficFactor;
  }

  public void setTrafficFactor(double trafficFactor) {
    this.trafficFactor = trafficFactor;
  }
}
