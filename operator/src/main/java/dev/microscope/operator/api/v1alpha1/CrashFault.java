package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** Abrupt worker crashes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CrashFault {
  @JsonPropertyDescription("Chance per minute that a worker crashes at level 1, 0 to 1.")
  @Required
  @Min(0)
  @Max(1)
  private Double probabilityPerMinute;

  public Double getProbabilityPerMinute() {
    return probabilityPerMinute;
  }

  public void setProbabilityPerMinute(Double probabilityPerMinute) {
    this.probabilityPerMinute = probabilityPerMinute;
  }
}
