package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A fleet of self-breaking workers, the traffic that drives them, the chaos they suffer and the
 * objectives Prometheus holds them to. {@code kubectl get cf} shows its health at a glance.
 */
@Group(ChaosFleet.GROUP)
@Version(ChaosFleet.VERSION)
@ShortNames("cf")
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
    name = "Mode",
    jsonPath = ".spec.mode",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Health",
    jsonPath = ".status.scores.health",
    type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(
    name = "Budget",
    jsonPath = ".status.sli.errorBudgetRemaining",
    type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(
    name = "Chaos",
    jsonPath = ".status.chaosLevel",
    type = AdditionalPrinterColumn.Type.NUMBER)
@AdditionalPrinterColumn(
    name = "Desired",
    jsonPath = ".status.workers.desired",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.workers.ready",
    type = AdditionalPrinterColumn.Type.INTEGER)
public class ChaosFleet extends CustomResource<ChaosFleetSpec, ChaosFleetStatus>
    implements Namespaced {
  public static final String GROUP = "microscope.dev";
  public static final String VERSION = "v1alpha1";

  /** Annotation that stops every action of the operator on this fleet and drops chaos to zero. */
  public static final String PAUSED_ANNOTATION = "microscope.dev/paused";

  /**
   * A fleet with every spec field at its default. The no-argument constructor leaves the spec empty
   * on purpose: java-operator-sdk builds a bare instance to server-side apply changes to the fleet
   * itself (metadata such as finalizers), and a default spec in it would claim every defaulted
   * field and reset a user's values.
   */
  public static ChaosFleet withDefaultSpec() {
    var fleet = new ChaosFleet();
    fleet.setSpec(new ChaosFleetSpec());
    return fleet;
  }

  @Override
  @JsonPropertyDescription("Desired state of the fleet, written by its owner.")
  public ChaosFleetSpec getSpec() {
    return super.getSpec();
  }

  @Override
  @JsonPropertyDescription("Observed state of the fleet, written by the operator.")
  public ChaosFleetStatus getStatus() {
    return super.getStatus();
  }

  /** True when the pause annotation is set to {@code "true"}. */
  @JsonIgnore
  public boolean isPaused() {
    var annotations = getMetadata().getAnnotations();
    return annotations != null && "true".equals(annotations.get(PAUSED_ANNOTATION));
  }
}
