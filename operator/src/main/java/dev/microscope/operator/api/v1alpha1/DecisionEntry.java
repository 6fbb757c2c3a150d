package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One decision of the control loop, applied or not. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DecisionEntry {
  @JsonPropertyDescription("When the decision was taken, RFC 3339.")
  private String time;

  @JsonPropertyDescription("Rule (or built-in controller) that decided.")
  private String rule;

  @JsonPropertyDescription("Query value that triggered it; absent when there was no data.")
  private Double queryValue;

  @JsonPropertyDescription("Threshold the value was compared with.")
  private Double threshold;

  @JsonPropertyDescription("Action decided, e.g. Scale +1 or SetChaosLevel 0.4.")
  private String action;

  @JsonPropertyDescription("Worker or object the action is aimed at.")
  private String target;

  @JsonPropertyDescription("True when the decision was only recorded (DryRun or Observe).")
  private Boolean dryRun;

  @JsonPropertyDescription("applied, dry_run, failed or blocked, with the reason when blocked.")
  private String result;

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public String getRule() {
    return rule;
  }

  public void setRule(String rule) {
    this.rule = rule;
  }

  public Double getQueryValue() {
    return queryValue;
  }

  public void setQueryValue(Double queryValue) {
    this.queryValue = queryValue;
  }

  public Double getThreshold() {
    return threshold;
  }

  public void setThreshold(Double threshold) {
    this.threshold = threshold;
  }

  public String getAction() {
    return action;
  }

  public void setAction(String action) {
    this.action = action;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public Boolean getDryRun() {
    return dryRun;
  }

  public void setDryRun(Boolean dryRun) {
    this.dryRun = dryRun;
  }

  public String getResult() {
    return result;
  }

  public void setResult(String result) {
    this.result = result;
  }
}
