package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.control.Decision;
import dev.microscope.operator.loop.ActuationException;
import dev.microscope.operator.loop.Actuator;
import dev.microscope.operator.loop.WorkerHost;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;

/**
 * Acts on a fleet's worker pods. Restart and retire delete the pod gracefully (its termination
 * grace period applies); the Deployment replaces a serving pod. Quarantine relabels the pod out of
 * the Deployment's and the Service's selectors (see {@link Labels#QUARANTINED_WORKER}): its
 * ReplicaSet releases it and starts a replacement, the traffic generator's DNS discovery drops it,
 * and the pod keeps running for evidence, owned by the fleet so it goes when the fleet goes.
 */
final class KubeActuator implements Actuator {
  private final ChaosFleet fleet;
  private final KubernetesClient client;
  private final FleetEvents events;
  private final Clock clock;

  KubeActuator(ChaosFleet fleet, KubernetesClient client, FleetEvents events, Clock clock) {
    this.fleet = fleet;
    this.client = client;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void replace(WorkerHost host) throws ActuationException {
    delete(host);
  }

  @Override
  public void retire(WorkerHost host) throws ActuationException {
    delete(host);
  }

  @Override
  public void quarantine(WorkerHost host) throws ActuationException {
    try {
      var edited = pod(host).edit(this::quarantined);
      if (edited == null) {
        throw new ActuationException("pod " + host.name() + " not found");
      }
    } catch (KubernetesClientException e) {
      throw new ActuationException(failure("relabel", host, e), e);
    }
  }

  @Override
  public void notify(Decision decision) {
    events.warning(
        fleet,
        "Notify",
        decision.parameters().getOrDefault("message", decision.reason())
            + " ["
            + decision.rule()
            + "]");
  }

  private Pod quarantined(Pod pod) {
    var meta = pod.getMetadata();
    var labels = new HashMap<>(meta.getLabels() == null ? java.util.Map.of() : meta.getLabels());
    labels.put(Labels.COMPONENT, Labels.QUARANTINED_WORKER);
    meta.setLabels(labels);
    var annotations =
        new HashMap<>(meta.getAnnotations() == null ? java.util.Map.of() : meta.getAnnotations());
    annotations.put(Labels.QUARANTINED_AT, Instant.now(clock).toString());
    meta.setAnnotations(annotations);
    var owners =
        new ArrayList<>(
            meta.getOwnerReferences() == null ? java.util.List.of() : meta.getOwnerReferences());
    var uid = fleet.getMetadata().getUid();
    if (owners.stream().noneMatch(o -> uid != null && uid.equals(o.getUid()))) {
      owners.add(
          new OwnerReferenceBuilder()
              .withApiVersion(fleet.getApiVersion())
              .withKind(fleet.getKind())
              .withName(fleet.getMetadata().getName())
              .withUid(uid)
              .withController(false)
              .build());
    }
    meta.setOwnerReferences(owners);
    return pod;
  }

  private void delete(WorkerHost host) throws ActuationException {
    try {
      // An already deleted pod is the goal reached; the answer tells nothing more.
      pod(host).delete();
    } catch (KubernetesClientException e) {
      throw new ActuationException(failure("delete", host, e), e);
    }
  }

  private io.fabric8.kubernetes.client.dsl.PodResource pod(WorkerHost host) {
    return client.pods().inNamespace(fleet.getMetadata().getNamespace()).withName(host.name());
  }

  private static String failure(String verb, WorkerHost host, KubernetesClientException e) {
    var detail = e.getStatus() == null ? e.getMessage() : e.getStatus().getMessage();
    return "cannot " + verb + " pod " + host.name() + ": HTTP " + e.getCode() + " " + detail;
  }
}
