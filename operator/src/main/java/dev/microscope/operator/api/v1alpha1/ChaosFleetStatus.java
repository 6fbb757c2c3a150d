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

  @JsonPropertyDescription(
      "Requests per second the control loop set for the traffic generator (SetTrafficRate);"
          + " absent means spec.traffic.rate.")
  private Double trafficRate;

  @JsonPropertyDescription("Workers taken out of traffic by a QuarantineWorker action.")
  private List<String> quarantinedWorkers = new ArrayList<>();

  @JsonPropertyDescription(
      "Latest decisions of the control loop, newest last, at most 20; a decision repeated"
          + " cycle after cycle with the same outcome is one entry with a count.")
  @Size(max = MAX_DECISIONS)
  private List<DecisionEntry> decisions = new ArrayList<>();

  @JsonPropertyDescription("The control loop's last cycle and what it remembers between cycles.")
  private ControlStatus control;

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

  public Double getTrafficRate() {
    return trafficRate;
  }

  public void setTrafficRate(Double trafficRate) {
    this.trafficRate = trafficRate;
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

  public ControlStatus getControl() {
    return control;
  }

  public void setControl(ControlStatus control) {
    this.control = control;
  }
}
