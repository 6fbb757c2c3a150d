package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.dependent.Updater;

/** A fleet object kept equal to its desired state: a spec change reaches it. */
public abstract class UpdatableFleetDependent<R extends HasMetadata> extends FleetDependent<R>
    implements Updater<R, ChaosFleet> {
  protected UpdatableFleetDependent(Class<R> type) {
    super(type);
  }
}
