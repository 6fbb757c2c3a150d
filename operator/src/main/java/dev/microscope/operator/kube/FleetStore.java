package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.function.Consumer;
import java.util.stream.Stream;

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
final class FleetStore implements ItemStore<ChaosFleet> {
  private final BasicItemStore<ChaosFleet> items =
      new BasicItemStore<>(Cache::metaNamespaceKeyFunc);
  private final Consumer<ChaosFleet> onRemoved;

  FleetStore(Consumer<ChaosFleet> onRemoved) {
    this.onRemoved = onRemoved;
  }

  @Override
  public String getKey(ChaosFleet fleet) {
    return items.getKey(fleet);
  }

  @Override
  public ChaosFleet put(String key, ChaosFleet fleet) {
    return items.put(key, CompactFields.compact(fleet));
  }

  @Override
  public ChaosFleet remove(String key) {
    var removed = items.remove(key);
    if (removed != null) {
      onRemoved.accept(removed);
    }
    return removed;
  }

  @Override
  public Stream<String> keySet() {
    return items.keySet();
  }

  @Override
  public Stream<ChaosFleet> values() {
    return items.values();
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public ChaosFleet get(String key) {
    return items.get(key);
  }
}
