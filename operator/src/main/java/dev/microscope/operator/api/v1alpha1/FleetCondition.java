package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A Kubernetes-style condition of a fleet. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FleetCondition {
  @JsonPropertyDescription(
      "Ready, Progressing, Degraded, PrometheusReachable, ChaosActive, Paused, BudgetExhausted"
          + " or SafeMode.")
  private String type;

  @JsonPropertyDescription("True, False or Unknown.")
  private String status;

  @JsonPropertyDescription("One word, CamelCase, saying why the status is what it is.")
  private String reason;

  @JsonPropertyDescription("A sentence for a person; names the field when the spec is invalid.")
  private String message;

  @JsonPropertyDescription("When the status last changed, RFC 3339.")
  private String lastTransitionTime;

  @JsonPropertyDescription("metadata.generation the condition was computed from.")
  private Long observedGeneration;

  public FleetCondition() {}

  public FleetCondition(String type, String status, String reason, String message) {
    this.type = type;
    this.status = status;
    this.reason = reason;
    this.message = message;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getLastTransitionTime() {
    return lastTransitionTime;
  }

  public void setLastTransitionTime(String lastTransitionTime) {
    this.lastTransitionTime = lastTransitionTime;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }
}
