package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** Latency range and error rate of one fake endpoint, before chaos. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EndpointProfile {
  @JsonPropertyDescription("Shortest latency in milliseconds.")
  @Required
  @Min(0)
  @Max(600000)
  private Integer minMs;

  @JsonPropertyDescription("Longest latency in milliseconds, at least minMs.")
  @Required
  @Min(0)
  @Max(600000)
  private Integer maxMs;

  @JsonPropertyDescription("Share of requests answered with a 5xx error, 0 to 1.")
  @Min(0)
  @Max(1)
  @Default("0.0")
  private double errorRate;

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

  public double getErrorRate() {
    return errorRate;
  }

  public void setErrorRate(double errorRate) {
    this.errorRate = errorRate;
  }
}
