package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** A label explosion: new series every second, up to a cap. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CardinalityFault {
  @JsonPropertyDescription("New series per second at level 1.")
  @Required
  @Min(1)
  @Max(100000)
  private Integer seriesPerSecond;

  @JsonPropertyDescription("Most series the fault creates per worker.")
  @Required
  @Min(1)
  @Max(10000000)
  private Integer maxSeries;

  public Integer getSeriesPerSecond() {
    return seriesPerSecond;
  }

  public void setSeriesPerSecond(Integer seriesPerSecond) {
    this.seriesPerSecond = seriesPerSecond;
  }

  public Integer getMaxSeries() {
    return maxSeries;
  }

  public void setMaxSeries(Integer maxSeries) {
    this.maxSeries = maxSeries;
  }
}
