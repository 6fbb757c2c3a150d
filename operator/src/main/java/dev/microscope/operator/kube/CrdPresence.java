package dev.microscope.operator.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a CRD (of an optional integration, e.g. the Prometheus Operator's) exists. A found CRD is
 * assumed to stay; an absent one is looked for again after {@code recheck}, so installing it later
 * is noticed without a restart.
 */
public class CrdPresence {
  private static final Logger LOG = LoggerFactory.getLogger(CrdPresence.class);

  private final String name;
  private final Clock clock;
  private final Duration recheck;
  private boolean present;
  private Instant checkedAt;

  public CrdPresence(String name, Clock clock, Duration recheck) {
    this.name = name;
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

  private boolean lookUp(KubernetesClient client) {
    try {
      return client.apiextensions().v1().customResourceDefinitions().withName(name).get() != null;
    } catch (KubernetesClientException e) {
      LOG.warn("cannot read CRD {} (taken as absent): {}", name, e.getMessage());
      return false;
    }
  }
}
