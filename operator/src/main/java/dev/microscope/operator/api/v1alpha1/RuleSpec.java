package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A user policy: when a PromQL query meets a condition for long enough, take an action. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RuleSpec {
  @JsonPropertyDescription("Name of the rule, unique in the fleet; shown in the decision log.")
  @Required
  @Pattern(NamePatterns.DNS_LABEL)
  private String name;

  @JsonPropertyDescription(
      "PromQL query. {{fleet}} and {{namespace}} are replaced by the fleet's labels, escaped.")
  @Required
  @Size(min = 1, max = 4096)
  private String query;

  @JsonPropertyDescription("Comparison of the query value with the threshold.")
  @Required
  private Operator operator;

  @JsonPropertyDescription("Value the query result is compared with.")
  @Required
  private Double threshold;

  @JsonPropertyDescription("How long the condition must hold before the action is taken.")
  @JsonProperty("for")
  @Pattern(Durations.PATTERN)
  @Default("0s")
  private String forDuration = "0s";

  @JsonPropertyDescription(
      "Fleet: the query returns one value for the fleet; Worker: one value per worker (by a"
          + " worker label), and the action targets that worker.")
  @Default("Fleet")
  private Scope scope = Scope.FLEET;

  @JsonPropertyDescription(
      "What an empty query result means: Hold (keep the last state), TreatAsZero, or"
          + " TreatAsBreach.")
  @Default("Hold")
  private Outcome onNoData = Outcome.HOLD;

  @JsonPropertyDescription("What a failed query means: Hold, TreatAsZero or TreatAsBreach.")
  @Default("Hold")
  private Outcome onError = Outcome.HOLD;

  @JsonPropertyDescription("What to do when the condition holds.")
  @Required
  private ActionSpec action;

  @JsonPropertyDescription("Least time between two actions of this rule.")
  @Pattern(Durations.PATTERN)
  @Default("5m")
  private String cooldown = "5m";

  @JsonPropertyDescription("Most actions of this rule in any hour.")
  @Min(1)
  @Max(3600)
  @Default("6")
  private int maxActionsPerHour = 6;

  /** Comparison operators of a rule. */
  public enum Operator {
    @JsonProperty(">")
    GT,
    @JsonProperty(">=")
    GE,
    @JsonProperty("<")
    LT,
    @JsonProperty("<=")
    LE,
    @JsonProperty("==")
    EQ,
    @JsonProperty("!=")
    NE
  }

  /** What a rule's query result is about. */
  public enum Scope {
    @JsonProperty("Fleet")
    FLEET,
    @JsonProperty("Worker")
    WORKER
  }

  /** How a missing or failed result is read. */
  public enum Outcome {
    @JsonProperty("Hold")
    HOLD,
    @JsonProperty("TreatAsZero")
    TREAT_AS_ZERO,
    @JsonProperty("TreatAsBreach")
    TREAT_AS_BREACH
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public Operator getOperator() {
    return operator;
  }

  public void setOperator(Operator operator) {
    this.operator = operator;
  }

  public Double getThreshold() {
    return threshold;
  }

  public void setThreshold(Double threshold) {
    this.threshold = threshold;
  }

  public String getForDuration() {
    return forDuration;
  }

  public void setForDuration(String forDuration) {
    this.forDuration = forDuration;
  }

  public Scope getScope() {
    return scope;
  }

  public void setScope(Scope scope) {
    this.scope = scope;
  }

  public Outcome getOnNoData() {
    return onNoData;
  }

  public void setOnNoData(Outcome onNoData) {
    this.onNoData = onNoData;
  }

  public Outcome getOnError() {
    return onError;
  }

  public void setOnError(Outcome onError) {
    this.onError = onError;
  }

  public ActionSpec getAction() {
    return action;
  }

  public void setAction(ActionSpec action) {
    this.action = action;
  }

  public String getCooldown() {
    return cooldown;
  }

  public void setCooldown(String cooldown) {
    this.cooldown = cooldown;
  }

  public int getMaxActionsPerHour() {
    return maxActionsPerHour;
  }

  public void setMaxActionsPerHour(int maxActionsPerHour) {
    this.maxActionsPerHour = maxActionsPerHour;
  }
}
