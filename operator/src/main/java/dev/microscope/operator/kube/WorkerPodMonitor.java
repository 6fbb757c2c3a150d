package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitorBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;

/**
 * Tells the Prometheus Operator to scrape the fleet's workers and traffic generator. Exists only
 * where the PodMonitor CRD does. The limits are a defence against a cardinality attack (the
 * cardinality fault is one): a scrape over them fails instead of flooding Prometheus.
 */
@KubernetesDependent(
    informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR, itemStore = CompactStore.class))
public class WorkerPodMonitor extends UpdatableFleetDependent<PodMonitor> {
  /** Series a pod may expose per virtual worker, on top of the process' own. */
  static final long SAMPLES_PER_WORKER = 1_000;

  /** Series of the process itself (JVM, process, traffic generator). */
  static final long SAMPLES_PER_PROCESS = 2_000;

  /** Labels of one series: the contract's largest set plus what Prometheus adds. */
  static final long LABEL_LIMIT = 20;

  public WorkerPodMonitor() {
    super(PodMonitor.class);
  }

  @Override
  protected String name(ChaosFleet fleet) {
    return Names.workers(fleet);
  }

  @Override
  protected PodMonitor desired(FleetPlan plan) {
    var fleet = plan.fleet();
    long workersPerPod = fleet.getSpec().getWorkers().getWorkersPerPod();
    return new PodMonitorBuilder()
        .withNewMetadata()
        .withName(name(fleet))
        .withNamespace(fleet.getMetadata().getNamespace())
        .withLabels(Labels.of(fleet, Labels.Component.WORKER))
        .endMetadata()
        .withNewSpec()
        .withSelector(new LabelSelectorBuilder().withMatchLabels(Labels.scraped(fleet)).build())
        .addNewPodMetricsEndpoint()
        .withPort(Names.HTTP_PORT_NAME)
        .withPath("/metrics")
        .endPodMetricsEndpoint()
        .withSampleLimit(SAMPLES_PER_PROCESS + SAMPLES_PER_WORKER * workersPerPod)
        .withLabelLimit(LABEL_LIMIT)
        .endSpec()
        .build();
  }
}
