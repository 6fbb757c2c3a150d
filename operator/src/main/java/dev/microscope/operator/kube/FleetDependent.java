package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.GarbageCollected;
import io.javaoperatorsdk.operator.processing.dependent.Creator;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;

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

  /** Name of the object in the fleet's namespace. */
  protected abstract String name(ChaosFleet fleet);

  /**
   * Found by name, not by computing desired(): the name is all it takes, and desired() may not
   * apply (a quota without spec.quota, when its precondition deletes it).
   */
  @Override
  protected ResourceID targetSecondaryResourceID(ChaosFleet primary, Context<ChaosFleet> context) {
    return new ResourceID(name(primary), primary.getMetadata().getNamespace());
  }

  /** The object this fleet should have now. */
  protected abstract R desired(FleetPlan plan);

  @Override
  protected final R desired(ChaosFleet primary, Context<ChaosFleet> context) {
    return desired(FleetPlan.from(context));
  }

  /** The fleet is the controller of what it owns: kubectl shows "Controlled By", GC deletes it. */
  @Override
  protected void addReferenceHandlingMetadata(R desired, ChaosFleet primary) {
    desired
        .getMetadata()
        .setOwnerReferences(
            List.of(
                new OwnerReferenceBuilder()
                    .withApiVersion(primary.getApiVersion())
                    .withKind(primary.getKind())
                    .withName(primary.getMetadata().getName())
                    .withUid(primary.getMetadata().getUid())
                    .withController(true)
                    .build()));
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
