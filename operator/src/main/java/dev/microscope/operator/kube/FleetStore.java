package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import java.util.function.Consumer;

/**
 * The operator's cache of fleets, which tells when a fleet leaves it: deleted, or found gone when
 * the informer lists again after a lost watch. What the operator keeps in memory about a fleet
 * (gauges, control loop state) goes with it.
 *
 * <p>A finalizer would do the same, but the operator would then have to be running for a fleet to
 * be deleted: a fleet left behind by {@code helm uninstall} would block {@code kubectl delete crd}
 * forever. The operator has nothing outside the cluster to clean up; everything it creates in the
 * cluster is owned by the fleet and goes by garbage collection.
 *
 * <p>Fleets come in with their managed fields compacted ({@link CompactFields}).
 */
final class FleetStore extends CompactStore<ChaosFleet> {
  private final Consumer<ChaosFleet> onRemoved;

  FleetStore(Consumer<ChaosFleet> onRemoved) {
    this.onRemoved = onRemoved;
  }

  @Override
  public ChaosFleet remove(String key) {
    var removed = super.remove(key);
    if (removed != null) {
      onRemoved.accept(removed);
    }
    return removed;
  }
}
