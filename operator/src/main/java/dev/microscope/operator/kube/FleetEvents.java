package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.api.v1alpha1.FleetCondition;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubernetes Events about a fleet ({@code kubectl describe cf} shows them). An event that cannot be
 * written is logged and dropped: events are for people, never a reason to fail a reconcile.
 */
public class FleetEvents {
  private static final Logger LOG = LoggerFactory.getLogger(FleetEvents.class);

  private final KubernetesClient client;
  private final Clock clock;

  public FleetEvents(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public void normal(ChaosFleet fleet, String reason, String message) {
    emit(fleet, "Normal", reason, message);
  }

  public void warning(ChaosFleet fleet, String reason, String message) {
    emit(fleet, "Warning", reason, message);
  }

  /** One event per condition whose status changed; the first Unknown of a condition is no news. */
  public void transitions(ChaosFleet fleet, ChaosFleetStatus before, ChaosFleetStatus after) {
    var old = before == null ? List.<FleetCondition>of() : before.getConditions();
    for (var c : after.getConditions()) {
      var previous = Conditions.find(old, c.getType());
      boolean changed =
          previous
              .map(p -> !p.getStatus().equals(c.getStatus()))
              .orElse(!Conditions.UNKNOWN.equals(c.getStatus()));
      if (changed) {
        var message = c.getType() + " is " + c.getStatus() + ": " + c.getMessage();
        if (bad(c)) {
          warning(fleet, c.getReason(), message);
        } else {
          normal(fleet, c.getReason(), message);
        }
      }
    }
  }

  private static boolean bad(FleetCondition c) {
    return switch (c.getType()) {
      case Conditions.READY -> "InvalidSpec".equals(c.getReason());
      case Conditions.DEGRADED, Conditions.BUDGET_EXHAUSTED, Conditions.SAFE_MODE ->
          Conditions.TRUE.equals(c.getStatus());
      case Conditions.PROMETHEUS_REACHABLE -> Conditions.FALSE.equals(c.getStatus());
      default -> false;
    };
  }

  private void emit(ChaosFleet fleet, String type, String reason, String message) {
    var meta = fleet.getMetadata();
    var now = Instant.now(clock).toString();
    var event =
        new EventBuilder()
            .withNewMetadata()
            .withName(
                meta.getName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()))
            .withNamespace(meta.getNamespace())
            .withLabels(java.util.Map.of(Labels.FLEET, meta.getName()))
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion(fleet.getApiVersion())
                    .withKind(fleet.getKind())
                    .withName(meta.getName())
                    .withNamespace(meta.getNamespace())
                    .withUid(meta.getUid())
                    .withResourceVersion(meta.getResourceVersion())
                    .build())
            .withType(type)
            .withReason(reason)
            .withMessage(message)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .withNewSource()
            .withComponent(Labels.OPERATOR)
            .endSource()
            .withReportingComponent(Labels.OPERATOR)
            .build();
    try {
      client.v1().events().inNamespace(meta.getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.warn(
          "could not record event {} for fleet {}/{}: {}",
          reason,
          meta.getNamespace(),
          meta.getName(),
          e.getMessage());
    }
  }
}
