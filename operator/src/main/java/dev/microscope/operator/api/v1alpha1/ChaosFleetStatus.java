package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** What the fleet is doing and why; written by the operator only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ChaosFleetStatus {
  /** Most entries kept in {@link #getDecisions()}; older ones are dropped first. */
  public static final int MAX_DECISIONS = 20;

  @JsonPropertyDescription("metadata.generation of the spec this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Ready, Progressing, Degraded, PrometheusReachable, ChaosActive, Paused, BudgetExhausted"
          + " and SafeMode, each with a reason and a message.")
  private List<FleetCondition> conditions = new ArrayList<>();

  @JsonPropertyDescription("Worker pods and virtual workers, desired and ready.")
  private WorkersStatus workers;

  @JsonPropertyDescription("Chaos level the workers run at now, 0 to 1.")
  private Double chaosLevel;

  @JsonPropertyDescription("Service level indicators last read from Prometheus.")
  private SliStatus sli;

  @JsonPropertyDescription("Scores computed from the indicators.")
  private ScoresStatus scores;

  @JsonPropertyDescription("Workers taken out of traffic by a QuarantineWorker action.")
  private List<String> quarantinedWorkers = new ArrayList<>();

  @JsonPropertyDescription("Latest decisions of the control loop, newest last, at most 20.")
  @Size(max = MAX_DECISIONS)
  private List<DecisionEntry> decisions = new ArrayList<>();

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<FleetCondition> getConditions() {
    return conditions;
  }

  public void setConditions(List<FleetCondition> conditions) {
    this.conditions = conditions;
  }

  public WorkersStatus getWorkers() {
    return workers;
  }

  public void setWorkers(WorkersStatus workers) {
    this.workers = workers;
  }

  public Double getChaosLevel() {
    return chaosLevel;
  }

  public void setChaosLevel(Double chaosLevel) {
    this.chaosLevel = chaosLevel;
  }

  public SliStatus getSli() {
    return sli;
  }

  public void setSli(SliStatus sli) {
    this.sli = sli;
  }

  public ScoresStatus getScores() {
    return scores;
  }

  public void setScores(ScoresStatus scores) {
    this.scores = scores;
  }

  public List<String> getQuarantinedWorkers() {
    return quarantinedWorkers;
  }

  public void setQuarantinedWorkers(List<String> quarantinedWorkers) {
    this.quarantinedWorkers = quarantinedWorkers;
  }

  public List<DecisionEntry> getDecisions() {
    return decisions;
  }

  public void setDecisions(List<DecisionEntry> decisions) {
    this.decisions = decisions;
  }
}
