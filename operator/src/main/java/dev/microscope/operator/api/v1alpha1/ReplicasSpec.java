package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Bounds of the worker pod count; the control loop scales between min and max. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReplicasSpec {
  @JsonPropertyDescription("Fewest worker pods; the control loop never scales below it.")
  @Min(1)
  @Max(1000)
  @Default("1")
  private int min = 1;

  @JsonPropertyDescription("Most worker pods; the control loop never scales above it.")
  @Min(1)
  @Max(1000)
  @Default("5")
  private int max = 5;

  @JsonPropertyDescription("Worker pods at creation; taken into min..max when outside.")
  @Min(1)
  @Max(1000)
  @Default("2")
  private int initial = 2;

  public int getMin() {
    return min;
  }

  public void setMin(int min) {
    this.min = min;
  }

  public int getMax() {
    return max;
  }

  public void setMax(int max) {
    this.max = max;
  }

  public int getInitial() {
    return initial;
  }

  public void setInitial(int initial) {
    this.initial = initial;
  }
}
