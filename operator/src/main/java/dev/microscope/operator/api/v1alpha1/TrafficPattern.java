package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Shape of the traffic rate over time. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TrafficPattern {
  @JsonPropertyDescription(
      "constant: the rate; sine: the rate swinging by amplitude over periodSeconds; burst:"
          + " burstRate for durationSeconds every everySeconds.")
  @Default("constant")
  private PatternType type = PatternType.CONSTANT;

  @JsonPropertyDescription("sine: length of one swing in seconds.")
  @Min(1)
  @Max(86400)
  private Integer periodSeconds;

  @JsonPropertyDescription("sine: size of the swing as a share of the rate, 0 to 1.")
  @Min(0)
  @Max(1)
  private Double amplitude;

  @JsonPropertyDescription("burst: seconds between the starts of two bursts.")
  @Min(1)
  @Max(86400)
  private Integer everySeconds;

  @JsonPropertyDescription("burst: length of a burst in seconds.")
  @Min(1)
  @Max(86400)
  private Integer durationSeconds;

  @JsonPropertyDescription("burst: requests per second during a burst.")
  @Min(0)
  @Max(100000)
  private Double burstRate;

  /** Traffic pattern type, as the traffic generator names it. */
  public enum PatternType {
    @JsonProperty("constant")
    CONSTANT,
    @JsonProperty("sine")
    SINE,
    @JsonProperty("burst")
    BURST
  }

  public PatternType getType() {
    return type;
  }

  public void setType(PatternType type) {
    this.type = type;
  }

  public Integer getPeriodSeconds() {
    return periodSeconds;
  }

  public void setPeriodSeconds(Integer periodSeconds) {
    this.periodSeconds = periodSeconds;
  }

  public Double getAmplitude() {
    return amplitude;
  }

  public void setAmplitude(Double amplitude) {
    this.amplitude = amplitude;
  }

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

  public Double getBurstRate() {
    return burstRate;
  }

  public void setBurstRate(Double burstRate) {
    this.burstRate = burstRate;
  }
}
