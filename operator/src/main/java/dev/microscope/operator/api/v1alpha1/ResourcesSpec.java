package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Requests and limits of a container, the Kubernetes way. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResourcesSpec {
  @JsonPropertyDescription("Resources the scheduler reserves for the container.")
  private ComputeResources requests;

  @JsonPropertyDescription(
      "Resources the container may not exceed; the memory limit is what a memory leak runs into.")
  private ComputeResources limits;

  /** What a worker container gets when the spec says nothing. */
  public static ResourcesSpec workerDefaults() {
    var spec = new ResourcesSpec();
    spec.requests = new ComputeResources("50m", "128Mi");
    spec.limits = new ComputeResources("1", "256Mi");
    return spec;
  }

  public ComputeResources getRequests() {
    return requests;
  }

  public void setRequests(ComputeResources requests) {
    this.requests = requests;
  }

  public ComputeResources getLimits() {
    return limits;
  }

  public void setLimits(ComputeResources limits) {
    this.limits = limits;
  }
}
