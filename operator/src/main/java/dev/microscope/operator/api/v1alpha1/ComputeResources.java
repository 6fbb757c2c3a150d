package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/** An amount of CPU and memory written as Kubernetes quantities. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ComputeResources {
  /** A Kubernetes quantity such as 500m, 1, 256Mi or 1Gi. */
  public static final String QUANTITY = "^[0-9]+(\\.[0-9]+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?$";

  @JsonPropertyDescription("CPU as a Kubernetes quantity, e.g. 250m or 1.")
  @Pattern(QUANTITY)
  private String cpu;

  @JsonPropertyDescription("Memory as a Kubernetes quantity, e.g. 256Mi or 1Gi.")
  @Pattern(QUANTITY)
  private String memory;

  public ComputeResources() {}

  public ComputeResources(String cpu, String memory) {
    this.cpu = cpu;
    this.memory = memory;
  }

  public String getCpu() {
    return cpu;
  }

  public void setCpu(String cpu) {
    this.cpu = cpu;
  }

  public String getMemory() {
    return memory;
  }

  public void setMemory(String memory) {
    this.memory = memory;
  }
}
