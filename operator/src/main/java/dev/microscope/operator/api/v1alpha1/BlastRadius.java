package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** How much of the fleet disruptive actions may touch. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BlastRadius {
  @JsonPropertyDescription(
      "Largest share of workers a kill, restart or quarantine may touch per window, 0 to 1.")
  @Min(0)
  @Max(1)
  @Default("0.2")
  private double maxShare = 0.2;

  @JsonPropertyDescription("Sliding window the share is counted over.")
  @Pattern(Durations.PATTERN)
  @Default("10m")
  private String window = "10m";

  public double getMaxShare() {
    return maxShare;
  }

  public void setMaxShare(double maxShare) {
    this.maxShare = maxShare;
  }

  public String getWindow() {
    return window;
  }

  public void setWindow(String window) {
    this.window = window;
  }
}
