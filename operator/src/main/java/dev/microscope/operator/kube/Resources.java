package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ComputeResources;
import dev.microscope.operator.api.v1alpha1.ResourcesSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/** Container resources from the spec's requests and limits. */
final class Resources {
  /** What the traffic generator gets; it is small and the same for every fleet. */
  static final ResourcesSpec LOADGEN = loadgen();

  private Resources() {}

  static ResourceRequirements of(ResourcesSpec spec) {
    var builder = new ResourceRequirementsBuilder();
    if (spec != null) {
      builder.withRequests(quantities(spec.getRequests()));
      builder.withLimits(quantities(spec.getLimits()));
    }
    return builder.build();
  }

  static Map<String, Quantity> quantities(ComputeResources resources) {
    var map = new LinkedHashMap<String, Quantity>();
    if (resources != null) {
      if (resources.getCpu() != null) {
        map.put("cpu", new Quantity(resources.getCpu()));
      }
      if (resources.getMemory() != null) {
        map.put("memory", new Quantity(resources.getMemory()));
      }
    }
    return map;
  }

  private static ResourcesSpec loadgen() {
    var spec = new ResourcesSpec();
    spec.setRequests(new ComputeResources("50m", "128Mi"));
    spec.setLimits(new ComputeResources("1", "256Mi"));
    return spec;
  }
}
