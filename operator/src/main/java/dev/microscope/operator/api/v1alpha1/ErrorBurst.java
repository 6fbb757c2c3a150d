package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** A periodic burst of errors. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ErrorBurst {
  @JsonPropertyDescription("Seconds between the starts of two bursts.")
  @Required
  @Min(1)
  @Max(86400)
  private Integer everySeconds;

  @JsonPropertyDescription("Length of a burst in seconds, at most everySeconds.")
  @Required
  @Min(1)
  @Max(86400)
  private Integer durationSeconds;

  @JsonPropertyDescription("Error rate during a burst at level 1, 0 to 1.")
  @Required
  @Min(0)
  @Max(1)
  private Double rate;

  public Integer getEverySeconds() {
    return everySeconds;
  }

  public void setEverySeconds(Integer everySeconds) {
    this.everySeconds = everySeconds;
  }

  public Integer getDurationSeconds() {
    return durationSeconds;
  }

  public void setDurationSeconds(Integer durationSeconds) {
    this.durationSeconds = durationSeconds;
  }

  public Double getRate() {
    return rate;
  }

  public void setRate(Double rate) {
    this.rate = rate;
  }
}
