package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** Memory retained on purpose until a cap. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MemoryLeakFault {
  @JsonPropertyDescription("Bytes leaked per second at level 1.")
  @Required
  @Min(1)
  private Long bytesPerSecond;

  @JsonPropertyDescription(
      "Most bytes leaked; set it above the memory limit to get OOM kills, below to get a"
          + " slow, bounded leak.")
  @Required
  @Min(1)
  private Long maxBytes;

  public Long getBytesPerSecond() {
    return bytesPerSecond;
  }

  public void setBytesPerSecond(Long bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
  }

  public Long getMaxBytes() {
    return maxBytes;
  }

  public void setMaxBytes(Long maxBytes) {
    this.maxBytes = maxBytes;
  }
}
