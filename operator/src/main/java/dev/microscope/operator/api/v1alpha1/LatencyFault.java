package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** Added latency on a share of requests. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LatencyFault {
  @JsonPropertyDescription("Share of requests delayed at level 1, 0 to 1.")
  @Min(0)
  @Max(1)
  @Default("1.0")
  private double probability = 1.0;

  @JsonPropertyDescription(
      "uniform: minMs..maxMs; exponential: mean minMs capped at maxMs; fixed: minMs.")
  @Default("uniform")
  private Distribution distribution = Distribution.UNIFORM;

  @JsonPropertyDescription("Shortest added delay in milliseconds (the mean for exponential).")
  @Required
  @Min(0)
  @Max(600000)
  private Integer minMs;

  @JsonPropertyDescription("Longest added delay in milliseconds, at least minMs.")
  @Min(0)
  @Max(600000)
  private Integer maxMs;

  /** Shape of the added delay. */
  public enum Distribution {
    @JsonProperty("uniform")
    UNIFORM,
    @JsonProperty("exponential")
    EXPONENTIAL,
    @JsonProperty("fixed")
    FIXED
  }

  public double getProbability() {
    return probability;
  }

  public void setProbability(double probability) {
    this.probability = probability;
  }

  public Distribution getDistribution() {
    return distribution;
  }

  public void setDistribution(Distribution distribution) {
    this.distribution = distribution;
  }

  public Integer getMinMs() {
    return minMs;
  }

  public void setMinMs(Integer minMs) {
    this.minMs = minMs;
  }

  public Integer getMaxMs() {
    return maxMs;
  }

  public void setMaxMs(Integer maxMs) {
    this.maxMs = maxMs;
  }
}
