package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;

/**
 * The control loop's own bookkeeping: when it last ran, what started it, and what it must remember
 * across cycles and operator restarts (cooldowns, budgets, the chaos level's history).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ControlStatus {
  @JsonPropertyDescription("When the last control cycle ran, RFC 3339.")
  private String lastCycleTime;

  @JsonPropertyDescription(
      "What started the last cycle: poll (the poll interval), change (spec or pause changed) or"
          + " alert:<alertname> (an Alertmanager notification).")
  private String lastTrigger;

  @JsonPropertyDescription("How long the last cycle took, in seconds.")
  private Double lastCycleSeconds;

  @JsonPropertyDescription("metadata.generation of the spec the last cycle acted on.")
  private Long observedGeneration;

  @JsonPropertyDescription("Whether the fleet was paused at the last cycle.")
  private Boolean paused;

  @JsonPropertyDescription(
      "What the control loop remembers between cycles: recent actions (cooldowns, budgets,"
          + " blast radius), the chaos level and its history, Prometheus health, scale"
          + " recommendations and memory kills. Written by the operator only.")
  @PreserveUnknownFields
  private JsonNode memory;

  public String getLastCycleTime() {
    return lastCycleTime;
  }

  public void setLastCycleTime(String lastCycleTime) {
    this.lastCycleTime = lastCycleTime;
  }

  public String getLastTrigger() {
    return lastTrigger;
  }

  public void setLastTrigger(String lastTrigger) {
    this.lastTrigger = lastTrigger;
  }

  public Double getLastCycleSeconds() {
    return lastCycleSeconds;
  }

  public void setLastCycleSeconds(Double lastCycleSeconds) {
    this.lastCycleSeconds = lastCycleSeconds;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public Boolean getPaused() {
    return paused;
  }

  public void setPaused(Boolean paused) {
    this.paused = paused;
  }

  public JsonNode getMemory() {
    return memory;
  }

  public void setMemory(JsonNode memory) {
    this.memory = memory;
  }
}
