package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** An action of a rule and its parameters; which parameter is needed depends on the type. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ActionSpec {
  @JsonPropertyDescription(
      "Scale (scaleBy), RestartWorker, QuarantineWorker (Worker scope), SetChaosLevel (level),"
          + " SetTrafficRate (rate), SetResources (resources) or RecordOnly.")
  @Required
  private ActionType type;

  @JsonPropertyDescription("Scale: worker pods to add (positive) or remove (negative).")
  @Min(-100)
  @Max(100)
  private Integer scaleBy;

  @JsonPropertyDescription("SetChaosLevel: the new level, 0 to 1 (capped at maxLevel).")
  @Min(0)
  @Max(1)
  private Double level;

  @JsonPropertyDescription("SetTrafficRate: the new rate in requests per second.")
  @Min(0)
  @Max(100000)
  private Double rate;

  @JsonPropertyDescription("SetResources: the new worker container resources.")
  private ResourcesSpec resources;

  /** Kinds of action a rule can take. */
  public enum ActionType {
    @JsonProperty("Scale")
    SCALE,
    @JsonProperty("RestartWorker")
    RESTART_WORKER,
    @JsonProperty("QuarantineWorker")
    QUARANTINE_WORKER,
    @JsonProperty("SetChaosLevel")
    SET_CHAOS_LEVEL,
    @JsonProperty("SetTrafficRate")
    SET_TRAFFIC_RATE,
    @JsonProperty("SetResources")
    SET_RESOURCES,
    @JsonProperty("RecordOnly")
    RECORD_ONLY
  }

  public ActionType getType() {
    return type;
  }

  public void setType(ActionType type) {
    this.type = type;
  }

  public Integer getScaleBy() {
    return scaleBy;
  }

  public void setScaleBy(Integer scaleBy) {
    this.scaleBy = scaleBy;
  }

  public Double getLevel() {
    return level;
  }

  public void setLevel(Double level) {
    this.level = level;
  }

  public Double getRate() {
    return rate;
  }

  public void setRate(Double rate) {
    this.rate = rate;
  }

  public ResourcesSpec getResources() {
    return resources;
  }

  public void setResources(ResourcesSpec resources) {
    this.resources = resources;
  }
}
