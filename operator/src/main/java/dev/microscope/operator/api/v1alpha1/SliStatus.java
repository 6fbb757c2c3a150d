package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Service level indicators of the fleet, as last read from Prometheus. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SliStatus {
  @JsonPropertyDescription("Share of successful requests over the SLO window.")
  private Double availability;

  @JsonPropertyDescription(
      "Share of the error budget left in the SLO window, 1 (untouched) to 0 (spent) or below.")
  private Double errorBudgetRemaining;

  @JsonPropertyDescription("Error budget burn rate over the last five minutes.")
  private Double burnRate5m;

  @JsonPropertyDescription("Error budget burn rate over the last hour (1 spends it in a window).")
  private Double burnRate1h;

  @JsonPropertyDescription("Error budget burn rate over the last six hours.")
  private Double burnRate6h;

  @JsonPropertyDescription("99th percentile request latency in seconds over 5 minutes.")
  private Double latencyP99Seconds;

  @JsonPropertyDescription("Share of requests slower than slo.latencyThreshold over 5 minutes.")
  private Double latencySloViolationRatio;

  @JsonPropertyDescription("Time of the reading, RFC 3339.")
  private String observedAt;

  public Double getAvailability() {
    return availability;
  }

  public void setAvailability(Double availability) {
    this.availability = availability;
  }

  public Double getErrorBudgetRemaining() {
    return errorBudgetRemaining;
  }

  public void setErrorBudgetRemaining(Double errorBudgetRemaining) {
    this.errorBudgetRemaining = errorBudgetRemaining;
  }

  public Double getBurnRate5m() {
    return burnRate5m;
  }

  public void setBurnRate5m(Double burnRate5m) {
    this.burnRate5m = burnRate5m;
  }

  public Double getBurnRate1h() {
    return burnRate1h;
  }

  public void setBurnRate1h(Double burnRate1h) {
    this.burnRate1h = burnRate1h;
  }

  public Double getBurnRate6h() {
    return burnRate6h;
  }

  public void setBurnRate6h(Double burnRate6h) {
    this.burnRate6h = burnRate6h;
  }

  public Double getLatencyP99Seconds() {
    return latencyP99Seconds;
  }

  public void setLatencyP99Seconds(Double latencyP99Seconds) {
    this.latencyP99Seconds = latencyP99Seconds;
  }

  public Double getLatencySloViolationRatio() {
    return latencySloViolationRatio;
  }

  public void setLatencySloViolationRatio(Double latencySloViolationRatio) {
    this.latencySloViolationRatio = latencySloViolationRatio;
  }

  public String getObservedAt() {
    return observedAt;
  }

  public void setObservedAt(String observedAt) {
    this.observedAt = observedAt;
  }
}
