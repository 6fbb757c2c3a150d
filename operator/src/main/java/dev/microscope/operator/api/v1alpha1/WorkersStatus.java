package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Worker counts: pods and the virtual workers they host. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WorkersStatus {
  @JsonPropertyDescription(
      "Worker pods the fleet should run; the control loop writes it when it scales, the"
          + " operator starts from spec.workers.replicas.initial.")
  private Integer replicas;

  @JsonPropertyDescription("Worker pods ready.")
  private Integer readyReplicas;

  @JsonPropertyDescription("Virtual workers the fleet should have (replicas x workersPerPod).")
  private Integer desired;

  @JsonPropertyDescription("Virtual workers in ready pods.")
  private Integer ready;

  @JsonPropertyDescription(
      "Worker container resources the control loop set (SetResources, or a larger memory limit"
          + " after repeated out-of-memory kills); absent means spec.workers.resources.")
  private ResourcesSpec resources;

  public Integer getReplicas() {
    return replicas;
  }

  public void setReplicas(Integer replicas) {
    this.replicas = replicas;
  }

  public Integer getReadyReplicas() {
    return readyReplicas;
  }

  public void setReadyReplicas(Integer readyReplicas) {
    this.readyReplicas = readyReplicas;
  }

  public Integer getDesired() {
    return desired;
  }

  public void setDesired(Integer desired) {
    this.desired = desired;
  }

  public Integer getReady() {
    return ready;
  }

  public void setReady(Integer ready) {
    this.ready = ready;
  }

  public ResourcesSpec getResources() {
    return resources;
  }

  public void setResources(ResourcesSpec resources) {
    this.resources = resources;
  }
}
