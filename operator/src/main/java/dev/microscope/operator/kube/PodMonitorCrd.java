package dev.microscope.operator.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the Prometheus Operator's PodMonitor CRD exists. A found CRD is assumed to stay; an
 * absent one is looked for again after {@code recheck}, so installing the Prometheus Operator later
 * is noticed without a restart.
 */
public class PodMonitorCrd {
  static final String NAME = "podmonitors.monitoring.coreos.com";
  private static final Logger LOG = LoggerFactory.getLogger(PodMonitorCrd.class);

  private final Clock clock;
  private final Duration recheck;
  private boolean present;
  private Instant checkedAt;

  public PodMonitorCrd(Clock clock, Duration recheck) {
    this.clock = clock;
    this.recheck = recheck;
  }

  public synchronized boolean present(KubernetesClient client) {
    var now = Instant.now(clock);
    if (!present && (checkedAt == null || !now.isBefore(checkedAt.plus(recheck)))) {
      checkedAt = now;
      present = lookUp(client);
    }
    return present;
  }

  private static boolean lookUp(KubernetesClient client) {
    try {
      return client.apiextensions().v1().customResourceDefinitions().withName(NAME).get() != null;
    } catch (KubernetesClientException e) {
      LOG.warn("cannot read CRD {} (taken as absent): {}", NAME, e.getMessage());
      return false;
    }
  }
}
