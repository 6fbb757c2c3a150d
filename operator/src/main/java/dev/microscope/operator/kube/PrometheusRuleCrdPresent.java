package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import java.time.Clock;
import java.time.Duration;

/**
 * Activates a fleet's PrometheusRule only where the Prometheus Operator's PrometheusRule CRD
 * exists; without it, the static rules of prometheus-rules/ cover every fleet. One instance serves
 * every fleet, so the CRD is looked up at most once a minute while it is absent.
 */
public class PrometheusRuleCrdPresent implements Condition<PrometheusRule, ChaosFleet> {
  static final String NAME = "prometheusrules.monitoring.coreos.com";

  private final CrdPresence crd;

  public PrometheusRuleCrdPresent() {
    this(new CrdPresence(NAME, Clock.systemUTC(), Duration.ofMinutes(1)));
  }

  PrometheusRuleCrdPresent(CrdPresence crd) {
    this.crd = crd;
  }

  @Override
  public boolean isMet(
      DependentResource<PrometheusRule, ChaosFleet> dependent,
      ChaosFleet fleet,
      Context<ChaosFleet> context) {
    return crd.present(context.getClient());
  }
}
