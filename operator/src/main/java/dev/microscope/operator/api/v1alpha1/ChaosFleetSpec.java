package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** What a fleet is: its workers, their traffic and chaos, its objectives and its policies. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ChaosFleetSpec {
  @JsonPropertyDescription(
      "Enforce applies every decision; DryRun decides and records in status.decisions but"
          + " applies nothing; Observe only reads signals.")
  @Default("Enforce")
  private Mode mode = Mode.ENFORCE;

  @JsonPropertyDescription("The worker pods: how many, how big, which image.")
  @Default("{}")
  private WorkersSpec workers = new WorkersSpec();

  @JsonPropertyDescription("The traffic generator that sends requests to every worker.")
  @Default("{}")
  private TrafficSpec traffic = new TrafficSpec();

  @JsonPropertyDescription(
      "Faults injected into the workers at full strength (level 1), the ceiling of the level,"
          + " adaptive control of the level and the blast radius of disruptive actions.")
  @Default("{}")
  private ChaosSpec chaos = new ChaosSpec();

  @JsonPropertyDescription("Service level objectives the fleet is held to.")
  @Default("{}")
  private SloSpec slo = new SloSpec();

  @JsonPropertyDescription("Where and how the operator queries Prometheus for this fleet.")
  @Default("{}")
  private PrometheusSpec prometheus = new PrometheusSpec();

  @JsonPropertyDescription(
      "User policies: a PromQL query, a condition and an action, evaluated every poll interval.")
  @Size(max = 50)
  private List<RuleSpec> rules = new ArrayList<>();

  @JsonPropertyDescription(
      "When set, a ResourceQuota and a LimitRange for the fleet's namespace are created.")
  private QuotaSpec quota;

  @JsonPropertyDescription(
      "When set, the fleet, its traffic generator and the operator run inside this memory budget"
          + " and CPU quota: JVM flags, container limits and the most worker pods are sized to fit.")
  private ConstraintsSpec constraints;

  public Mode getMode() {
    return mode;
  }

  public void setMode(Mode mode) {
    this.mode = mode;
  }

  public WorkersSpec getWorkers() {
    return workers;
  }

  public void setWorkers(WorkersSpec workers) {
    this.workers = workers;
  }

  public TrafficSpec getTraffic() {
    return traffic;
  }

  public void setTraffic(TrafficSpec traffic) {
    this.traffic = traffic;
  }

  public ChaosSpec getChaos() {
    return chaos;
  }

  public void setChaos(ChaosSpec chaos) {
    this.chaos = chaos;
  }

  public SloSpec getSlo() {
    return slo;
  }

  public void setSlo(SloSpec slo) {
    this.slo = slo;
  }

  public PrometheusSpec getPrometheus() {
    return prometheus;
  }

  public void setPrometheus(PrometheusSpec prometheus) {
    this.prometheus = prometheus;
  }

  public List<RuleSpec> getRules() {
    return rules;
  }

  public void setRules(List<RuleSpec> rules) {
    this.rules = rules;
  }

  public QuotaSpec getQuota() {
    return quota;
  }

  public void setQuota(QuotaSpec quota) {
    this.quota = quota;
  }

  public ConstraintsSpec getConstraints() {
    return constraints;
  }

  public void setConstraints(ConstraintsSpec constraints) {
    this.constraints = constraints;
  }
}
