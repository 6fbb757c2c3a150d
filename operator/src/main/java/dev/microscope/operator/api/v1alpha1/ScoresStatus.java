package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Scores derived from the indicators, each 0 to 1. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScoresStatus {
  @JsonPropertyDescription("1 when every objective is met with budget to spare, 0 when down.")
  private Double health;

  @JsonPropertyDescription("How much the indicators swing between polls, 0 (steady) to 1.")
  private Double instability;

  @JsonPropertyDescription(
      "Highest chaos level held for a whole SLO window with the objectives met.")
  private Double chaosTolerance;

  public Double getHealth() {
    return health;
  }

  public void setHealth(Double health) {
    this.health = health;
  }

  public Double getInstability() {
    return instability;
  }

  public void setInstability(Double instability) {
    this.instability = instability;
  }

  public Double getChaosTolerance() {
    return chaosTolerance;
  }

  public void setChaosTolerance(Double chaosTolerance) {
    this.chaosTolerance = chaosTolerance;
  }
}
