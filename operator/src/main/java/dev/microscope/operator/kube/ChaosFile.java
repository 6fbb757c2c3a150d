package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosSpec;
import dev.microscope.operator.control.Fault;
import dev.microscope.operator.loop.ChaosJson;
import dev.microscope.operator.loop.FaultsFromSpec;
import java.util.Map;

/**
 * The chaos a worker starts with (--chaos-file), in the admin API's PUT shape (docs/contract.md):
 * the spec's faults scaled to the level, as the control loop scales them. At level zero every fault
 * is off.
 */
public final class ChaosFile {
  private ChaosFile() {}

  public static String render(ChaosSpec chaos, double level) {
    var faults = FaultsFromSpec.map(chaos).scaled(level, Map.<Fault, Double>of());
    return ChaosJson.render(faults, level, chaos.getLeaseSeconds(), chaos.getSeed());
  }
}
