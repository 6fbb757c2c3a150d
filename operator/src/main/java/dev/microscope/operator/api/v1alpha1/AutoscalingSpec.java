package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/**
 * The built-in scaling of the worker pods between spec.workers.replicas.min and max: on CPU
 * saturation like a horizontal pod autoscaler, and on latency under load.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AutoscalingSpec {
  @JsonPropertyDescription(
      "Whether the control loop scales the workers; off keeps the count (within min..max).")
  @Default("true")
  private boolean enabled = true;

  @JsonPropertyDescription(
      "Mean CPU saturation of the serving workers to keep, 0.05 to 1: more scales out, less in.")
  @Min(0.05)
  @Max(1)
  @Default("0.7")
  private double targetCpuSaturation = 0.7;

  @JsonPropertyDescription("Most worker pods added or removed in one step.")
  @Min(1)
  @Max(100)
  @Default("2")
  private int maxChangePerStep = 2;

  @JsonPropertyDescription(
      "Scale-down stabilization: the count never drops below the highest recommendation of this"
          + " last window, so a dip in load does not remove workers that are needed again soon.")
  @Pattern(Durations.PATTERN)
  @Default("5m")
  private String scaleDownStabilization = "5m";

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public double getTargetCpuSaturation() {
    return targetCpuSaturation;
  }

  public void setTargetCpuSaturation(double targetCpuSaturation) {
    this.targetCpuSaturation = targetCpuSaturation;
  }

  public int getMaxChangePerStep() {
    return maxChangePerStep;
  }

  public void setMaxChangePerStep(int maxChangePerStep) {
    this.maxChangePerStep = maxChangePerStep;
  }

  public String getScaleDownStabilization() {
    return scaleDownStabilization;
  }

  public void setScaleDownStabilization(String scaleDownStabilization) {
    this.scaleDownStabilization = scaleDownStabilization;
  }
}
