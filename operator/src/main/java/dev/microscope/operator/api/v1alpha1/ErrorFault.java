package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** Injected error responses, optionally in bursts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ErrorFault {
  @JsonPropertyDescription("Share of requests failed at level 1, 0 to 1.")
  @Required
  @Min(0)
  @Max(1)
  private Double rate;

  @JsonPropertyDescription("HTTP status of an injected error.")
  @Min(500)
  @Max(599)
  @Default("500")
  private int status = 500;

  @JsonPropertyDescription("Periodic bursts during which the error rate jumps.")
  private ErrorBurst burst;

  public Double getRate() {
    return rate;
  }

  public void setRate(Double rate) {
    this.rate = rate;
  }

  public int getStatus() {
    return status;
  }

  public void setStatus(int status) {
    this.status = status;
  }

  public ErrorBurst getBurst() {
    return burst;
  }

  public void setBurst(ErrorBurst burst) {
    this.burst = burst;
  }
}
