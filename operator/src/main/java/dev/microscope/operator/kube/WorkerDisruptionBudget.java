package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/** Keeps node drains from taking more than spec.workers.maxUnavailable worker pods at once. */
@KubernetesDependent(
    informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR, itemStore = CompactStore.class))
public class WorkerDisruptionBudget extends UpdatableFleetDependent<PodDisruptionBudget> {
  public WorkerDisruptionBudget() {
    super(PodDisruptionBudget.class);
  }

  @Override
  protected String name(ChaosFleet fleet) {
    return Names.workers(fleet);
  }

  @Override
  protected PodDisruptionBudget desired(FleetPlan plan) {
    var fleet = plan.fleet();
    return new PodDisruptionBudgetBuilder()
        .withNewMetadata()
        .withName(name(fleet))
        .withNamespace(fleet.getMetadata().getNamespace())
        .withLabels(Labels.of(fleet, Labels.Component.WORKER))
        .endMetadata()
        .withNewSpec()
        .withMaxUnavailable(new IntOrString(fleet.getSpec().getWorkers().getMaxUnavailable()))
        .withNewSelector()
        .withMatchLabels(Labels.selector(fleet, Labels.Component.WORKER))
        .endSelector()
        .endSpec()
        .build();
  }
}
