package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** The traffic generator of a fleet (loadgen). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TrafficSpec {
  @JsonPropertyDescription("Whether the traffic generator sends requests at all.")
  @Default("true")
  private boolean enabled = true;

  @JsonPropertyDescription("Requests per second over all workers together.")
  @Min(0)
  @Max(100000)
  @Default("10.0")
  private double rate = 10.0;

  @JsonPropertyDescription("Shape of the rate over time.")
  @Default("{}")
  private TrafficPattern pattern = new TrafficPattern();

  @JsonPropertyDescription("Relative weights of the three endpoints.")
  @Default("{}")
  private TrafficMix mix = new TrafficMix();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public double getRate() {
    return rate;
  }

  public void setRate(double rate) {
    this.rate = rate;
  }

  public TrafficPattern getPattern() {
    return pattern;
  }

  public void setPattern(TrafficPattern pattern) {
    this.pattern = pattern;
  }

  public TrafficMix getMix() {
    return mix;
  }

  public void setMix(TrafficMix mix) {
    this.mix = mix;
  }
}
