package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/**
 * A ResourceQuota and a LimitRange for the fleet's namespace: a runaway fleet (or a scale rule gone
 * wrong) cannot eat the cluster.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QuotaSpec {
  @JsonPropertyDescription("Total CPU limit of all pods in the namespace (limits.cpu).")
  @Pattern(ComputeResources.QUANTITY)
  private String cpu;

  @JsonPropertyDescription("Total memory limit of all pods in the namespace (limits.memory).")
  @Pattern(ComputeResources.QUANTITY)
  private String memory;

  @JsonPropertyDescription(
      "Most pods in the namespace; at least workers.replicas.max + 1 (the traffic generator).")
  @Min(1)
  @Max(10000)
  private Integer pods;

  @JsonPropertyDescription("LimitRange: requests of a container that sets none.")
  private ComputeResources defaultRequests;

  @JsonPropertyDescription("LimitRange: limits of a container that sets none.")
  private ComputeResources defaultLimits;

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

  public Integer getPods() {
    return pods;
  }

  public void setPods(Integer pods) {
    this.pods = pods;
  }

  public ComputeResources getDefaultRequests() {
    return defaultRequests;
  }

  public void setDefaultRequests(ComputeResources defaultRequests) {
    this.defaultRequests = defaultRequests;
  }

  public ComputeResources getDefaultLimits() {
    return defaultLimits;
  }

  public void setDefaultLimits(ComputeResources defaultLimits) {
    this.defaultLimits = defaultLimits;
  }
}
