package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** CPU burnt on purpose. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CpuFault {
  @JsonPropertyDescription("Cores kept busy.")
  @Min(0.01)
  @Max(64)
  @Default("1.0")
  private double cores = 1.0;

  @JsonPropertyDescription("Share of time each busy core spins at level 1, 0 to 1.")
  @Required
  @Min(0)
  @Max(1)
  private Double dutyCycle;

  @JsonPropertyDescription("Length of one spike in seconds; absent means until the lease ends.")
  @Min(1)
  @Max(86400)
  private Integer durationSeconds;

  public double getCores() {
    return cores;
  }

  public void setCores(double cores) {
    this.cores = cores;
  }

  public Double getDutyCycle() {
    return dutyCycle;
  }

  public void setDutyCycle(Double dutyCycle) {
    this.dutyCycle = dutyCycle;
  }

  public Integer getDurationSeconds() {
    return durationSeconds;
  }

  public void setDurationSeconds(Integer durationSeconds) {
    this.durationSeconds = durationSeconds;
  }
}
