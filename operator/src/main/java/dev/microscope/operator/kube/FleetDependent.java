package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;

/**
 * A Kubernetes object the operator creates for a fleet, owned by it (deleted with it). Subclasses
 * say what the object should be as a pure function of the {@link FleetPlan}.
 */
public abstract class FleetDependent<R extends HasMetadata>
    extends KubernetesDependentResource<R, ChaosFleet>
    implements Creator<R, ChaosFleet>, GarbageCollected<ChaosFleet> {

  protected FleetDependent(Class<R> type) {
    super(type);
  }

  /** The object this fleet should have now. */
  protected abstract R desired(FleetPlan plan);

  @Override
  protected final R desired(ChaosFleet primary, Context<ChaosFleet> context) {
    return desired(FleetPlan.from(context));
  }

  @Override
  protected void onCreated(ChaosFleet primary, R created, Context<ChaosFleet> context) {
    super.onCreated(primary, created, context);
    FleetPlan.from(context).events().normal(primary, "Created", "Created " + describe(created));
  }

  @Override
  protected void onUpdated(ChaosFleet primary, R updated, R actual, Context<ChaosFleet> context) {
    super.onUpdated(primary, updated, actual, context);
    FleetPlan.from(context).events().normal(primary, "Updated", "Updated " + describe(updated));
  }

  static String describe(HasMetadata resource) {
    return resource.getKind() + " " + resource.getMetadata().getName();
  }
}
