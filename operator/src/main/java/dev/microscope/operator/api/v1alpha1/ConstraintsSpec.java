package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/**
 * Constraints mode: the fleet, its traffic generator and the operator together inside one memory
 * budget and CPU quota. The operator sizes JVM flags, container limits and the most worker pods
 * that fit, and refuses a fleet that cannot fit. See docs/constraints.md.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConstraintsSpec {
  @JsonPropertyDescription(
      "Memory the workers, the traffic generator and the operator share, e.g. 256Mi.")
  @Pattern(ComputeResources.QUANTITY)
  @Default("256Mi")
  private String memoryBudget = "256Mi";

  @JsonPropertyDescription(
      "CPU the workers, the traffic generator and the operator share, e.g. 1 or 500m; unset"
          + " leaves CPU unlimited.")
  @Pattern(ComputeResources.QUANTITY)
  private String cpu;

  @JsonPropertyDescription(
      "Delay added to every request between the traffic generator and the workers, e.g. 5ms;"
          + " applied by the local runtime (Kubernetes has no per-pod network delay).")
  @Pattern(Durations.PATTERN)
  private String networkDelay;

  public String getMemoryBudget() {
    return memoryBudget;
  }

  public void setMemoryBudget(String memoryBudget) {
    this.memoryBudget = memoryBudget;
  }

  public String getCpu() {
    return cpu;
  }

  public void setCpu(String cpu) {
    this.cpu = cpu;
  }

  public String getNetworkDelay() {
    return networkDelay;
  }

  public void setNetworkDelay(String networkDelay) {
    this.networkDelay = networkDelay;
  }
}
