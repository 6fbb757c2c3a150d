package dev.microscope.operator.loop;

import dev.microscope.operator.api.v1alpha1.ComputeResources;
import dev.microscope.operator.api.v1alpha1.ResourcesSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Container resources as the parameters of a set_resources decision ({@code requests.cpu}, {@code
 * requests.memory}, {@code limits.cpu}, {@code limits.memory}, or {@code memoryLimitBytes}), and
 * back.
 */
public final class ResourceParameters {
  static final String MEMORY_LIMIT_BYTES = "memoryLimitBytes";

  private ResourceParameters() {}

  public static Map<String, String> of(ResourcesSpec resources) {
    var out = new LinkedHashMap<String, String>();
    if (resources != null) {
      put(out, "requests", resources.getRequests());
      put(out, "limits", resources.getLimits());
    }
    return out;
  }

  /** {@code base} with the decided parameters laid over it; {@code base} is not changed. */
  public static ResourcesSpec apply(ResourcesSpec base, Map<String, String> parameters) {
    var out = new ResourcesSpec();
    out.setRequests(copy(base == null ? null : base.getRequests()));
    out.setLimits(copy(base == null ? null : base.getLimits()));
    parameters.forEach(
        (key, value) -> {
          switch (key) {
            case "requests.cpu" -> out.getRequests().setCpu(value);
            case "requests.memory" -> out.getRequests().setMemory(value);
            case "limits.cpu" -> out.getLimits().setCpu(value);
            case "limits.memory" -> out.getLimits().setMemory(value);
            case MEMORY_LIMIT_BYTES ->
                out.getLimits().setMemory(MemoryQuantity.of(Long.parseLong(value)));
            default -> {}
          }
        });
    return out;
  }

  private static void put(Map<String, String> out, String prefix, ComputeResources r) {
    if (r != null) {
      if (r.getCpu() != null) {
        out.put(prefix + ".cpu", r.getCpu());
      }
      if (r.getMemory() != null) {
        out.put(prefix + ".memory", r.getMemory());
      }
    }
  }

  private static ComputeResources copy(ComputeResources r) {
    return r == null ? new ComputeResources() : new ComputeResources(r.getCpu(), r.getMemory());
  }
}
