package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.Map;

/** One decision of the control loop, applied or not, with the numbers that caused it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DecisionEntry {
  @JsonPropertyDescription("When the decision was (last) taken, RFC 3339.")
  private String time;

  @JsonPropertyDescription(
      "What started the cycle: poll, change (spec or pause changed) or alert:<alertname>.")
  private String trigger;

  @JsonPropertyDescription("Rule (or built-in policy) that decided.")
  private String rule;

  @JsonPropertyDescription(
      "Signal values the decision rests on, by signal name, as text: a number, +Inf, 'no data"
          + " (...)' or 'error (...)'.")
  private Map<String, String> values;

  @JsonPropertyDescription("The first of values when it is a number; absent otherwise.")
  private Double queryValue;

  @JsonPropertyDescription("What the values were compared with, as the rule states it.")
  private String condition;

  @JsonPropertyDescription("The number in condition when it is a single comparison.")
  private Double threshold;

  @JsonPropertyDescription(
      "Action decided: scale, restart_worker, quarantine_worker, set_chaos, abort_chaos,"
          + " set_traffic_rate, set_resources or notify.")
  private String action;

  @JsonPropertyDescription("Worker the action is aimed at, or fleet.")
  private String target;

  @JsonPropertyDescription("Parameters of the action, e.g. replicas or level.")
  private Map<String, String> parameters;

  @JsonPropertyDescription("True when the decision was only recorded (DryRun).")
  private Boolean dryRun;

  @JsonPropertyDescription("applied, dry_run, failed or blocked.")
  private String result;

  @JsonPropertyDescription(
      "Why: what the rule saw; when blocked, the safety rule that held it back; when failed, the"
          + " error.")
  private String reason;

  @JsonPropertyDescription("Cycles in a row that took this decision with the same result.")
  private Integer count;

  public String getTime() {
    return time;
  }

  public void setTime(String time) {
    this.time = time;
  }

  public String getTrigger() {
    return trigger;
  }

  public void setTrigger(String trigger) {
    this.trigger = trigger;
  }

  public String getRule() {
    return rule;
  }

  public void setRule(String rule) {
    this.rule = rule;
  }

  public Map<String, String> getValues() {
    return values;
  }

  public void setValues(Map<String, String> values) {
    this.values = values == null ? null : new LinkedHashMap<>(values);
  }

  public Double getQueryValue() {
    return queryValue;
  }

  public void setQueryValue(Double queryValue) {
    this.queryValue = queryValue;
  }

  public String getCondition() {
    return condition;
  }

  public void setCondition(String condition) {
    this.condition = condition;
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

  public Map<String, String> getParameters() {
    return parameters;
  }

  public void setParameters(Map<String, String> parameters) {
    this.parameters = parameters == null ? null : new LinkedHashMap<>(parameters);
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

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public Integer getCount() {
    return count;
  }

  public void setCount(Integer count) {
    this.count = count;
  }
}
