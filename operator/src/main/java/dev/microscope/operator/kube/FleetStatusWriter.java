package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;

/**
 * Writes a fleet's status so that the next reconcile reads it back, even before the informer has
 * seen the write. A status patched through {@code UpdateControl} with server-side apply is not
 * cached: the reconcile right after it (a Deployment event arrives within milliseconds) read the
 * old status, told the same condition transitions again, and its apply, carrying the stale
 * resourceVersion, failed with 409 Conflict.
 *
 * <p>The write is optimistic: it carries the resourceVersion the reconcile read, and on a conflict
 * it is retried against the newer fleet from the cache. The control loop depends on this: a
 * reconcile that read a status older than the last write would forget the last cycle (its
 * cooldowns, its chaos level) and could act twice.
 */
final class FleetStatusWriter {
  private FleetStatusWriter() {}

  static void write(ChaosFleet fleet, ChaosFleetStatus status, Context<ChaosFleet> context) {
    if (context
        .getControllerConfiguration()
        .getConfigurationService()
        .useSSAToPatchPrimaryResource()) {
      // server-side apply wants only what this manager owns: name, namespace and the status
      var intent = new ChaosFleet();
      intent.setMetadata(
          new ObjectMetaBuilder()
              .withName(fleet.getMetadata().getName())
              .withNamespace(fleet.getMetadata().getNamespace())
              .build());
      intent.setStatus(status);
      PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(fleet, intent, context);
    } else {
      PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(
          fleet,
          context,
          f -> {
            f.setStatus(status);
            return f;
          });
    }
  }
}
