package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import java.util.LinkedHashMap;
import java.util.Map;

/** Labels of everything the operator creates, in the app.kubernetes.io vocabulary. */
public final class Labels {
  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String PART_OF = "app.kubernetes.io/part-of";
  public static final String FLEET = "microscope.dev/fleet";
  public static final String OPERATOR = "microscope-operator";

  /**
   * The component of a quarantined worker pod. Changing it from {@code worker} takes the pod out of
   * the selectors of the worker Deployment (its ReplicaSet releases the pod and starts a
   * replacement) and of the headless Service (the traffic generator's DNS discovery drops it),
   * while the pod keeps running for evidence.
   */
  public static final String QUARANTINED_WORKER = "worker-quarantined";

  /** Annotation on a quarantined pod: when it was quarantined, RFC 3339. */
  public static final String QUARANTINED_AT = "microscope.dev/quarantined-at";

  /** Informer selector: the operator watches only what it created. */
  public static final String MANAGED_SELECTOR = MANAGED_BY + "=" + OPERATOR;

  private Labels() {}

  /** Parts of a fleet, the value of app.kubernetes.io/component. */
  public enum Component {
    WORKER("worker"),
    LOADGEN("loadgen"),
    ADMIN("admin"),
    CHAOS("chaos"),
    CONFIG("config"),
    QUOTA("quota"),
    SLO("slo");

    private final String value;

    Component(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }
  }

  /** Every label of an object of the fleet. */
  public static Map<String, String> of(ChaosFleet fleet, Component component) {
    var labels = new LinkedHashMap<String, String>();
    labels.put(NAME, "microscope");
    labels.put(INSTANCE, fleet.getMetadata().getName());
    labels.put(COMPONENT, component.value());
    labels.put(MANAGED_BY, OPERATOR);
    labels.put(PART_OF, "microscope");
    labels.put(FLEET, fleet.getMetadata().getName());
    return labels;
  }

  /** The stable subset that selects a component's pods (never changes after creation). */
  public static Map<String, String> selector(ChaosFleet fleet, Component component) {
    return Map.of(
        NAME, "microscope", INSTANCE, fleet.getMetadata().getName(), COMPONENT, component.value());
  }

  /** Selects every pod of the fleet that exports metrics: workers and traffic generator. */
  public static Map<String, String> scraped(ChaosFleet fleet) {
    return Map.of(NAME, "microscope", INSTANCE, fleet.getMetadata().getName());
  }
}
