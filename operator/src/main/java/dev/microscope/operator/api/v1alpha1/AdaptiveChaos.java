package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** Adaptive control of the chaos level from the error budget burn. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AdaptiveChaos {
  @JsonPropertyDescription("Whether the operator moves the level; off keeps it at maxLevel.")
  @Default("false")
  private boolean enabled;

  @JsonPropertyDescription("Level a new fleet starts at, 0 to 1 (at most maxLevel).")
  @Min(0)
  @Max(1)
  @Default("0.1")
  private double initialLevel = 0.1;

  @JsonPropertyDescription("Level added per step while the objectives hold, 0 to 1.")
  @Min(0.001)
  @Max(1)
  @Default("0.1")
  private double increaseStep = 0.1;

  @JsonPropertyDescription("Factor the level is multiplied by on a fast burn, 0 to 1.")
  @Min(0)
  @Max(0.99)
  @Default("0.5")
  private double decreaseFactor = 0.5;

  @JsonPropertyDescription("Time between two increases.")
  @Pattern(Durations.PATTERN)
  @Default("2m")
  private String stepInterval = "2m";

  @JsonPropertyDescription(
      "Time the objectives must hold after any change before the level may rise again.")
  @Pattern(Durations.PATTERN)
  @Default("5m")
  private String stabilization = "5m";

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public double getInitialLevel() {
    return initialLevel;
  }

  public void setInitialLevel(double initialLevel) {
    this.initialLevel = initialLevel;
  }

  public double getIncreaseStep() {
    return increaseStep;
  }

  public void setIncreaseStep(double increaseStep) {
    this.increaseStep = increaseStep;
  }

  public double getDecreaseFactor() {
    return decreaseFactor;
  }

  public void setDecreaseFactor(double decreaseFactor) {
    this.decreaseFactor = decreaseFactor;
  }

  public String getStepInterval() {
    return stepInterval;
  }

  public void setStepInterval(String stepInterval) {
    this.stepInterval = stepInterval;
  }

  public String getStabilization() {
    return stabilization;
  }

  public void setStabilization(String stabilization) {
    this.stabilization = stabilization;
  }
}
