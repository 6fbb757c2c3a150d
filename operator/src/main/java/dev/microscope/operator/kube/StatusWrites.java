package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;

/**
 * Writes a fleet's status with optimistic locking and keeps the written version in the operator's
 * cache, so the next reconcile starts from it even before the watch delivers it. The control loop
 * depends on this: a reconcile that read a status older than the last write would forget the last
 * cycle (its cooldowns, its chaos level) and could act twice.
 */
final class StatusWrites {
  private final boolean serverSideApply;

  StatusWrites(boolean serverSideApply) {
    this.serverSideApply = serverSideApply;
  }

  ChaosFleet write(ChaosFleet fleet, ChaosFleetStatus status, Context<ChaosFleet> context) {
    if (serverSideApply) {
      var fresh = new ChaosFleet();
      fresh.setMetadata(
          new ObjectMetaBuilder()
              .withName(fleet.getMetadata().getName())
              .withNamespace(fleet.getMetadata().getNamespace())
              .build());
      fresh.setSpec(null);
      fresh.setStatus(status);
      return PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(fleet, fresh, context);
    }
    return PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(
        fleet,
        context,
        f -> {
          f.setStatus(status);
          return f;
        });
  }
}
