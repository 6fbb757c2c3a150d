package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.Durations;
import dev.microscope.operator.api.v1alpha1.SloSpec;
import dev.microscope.operator.control.Slo;
import dev.microscope.operator.prometheus.FleetRuleGroup;
import dev.microscope.operator.prometheus.FleetScope;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRuleBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import io.fabric8.openshift.api.model.monitoring.v1.RuleBuilder;
import io.fabric8.openshift.api.model.monitoring.v1.RuleGroup;
import io.fabric8.openshift.api.model.monitoring.v1.RuleGroupBuilder;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.List;

/**
 * The fleet's own rule group as a Prometheus Operator PrometheusRule: its SLO from {@code spec.slo}
 * as literal values, so burn rates and budgets follow the fleet's own objectives and window even
 * while the operator is down (docs/contract.md, "A fleet's own rule group"). Exists only where the
 * PrometheusRule CRD does.
 */
@KubernetesDependent(
    informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR, itemStore = CompactStore.class))
public class FleetPrometheusRule extends UpdatableFleetDependent<PrometheusRule> {
  public FleetPrometheusRule() {
    super(PrometheusRule.class);
  }

  @Override
  protected String name(ChaosFleet fleet) {
    return Names.sloRules(fleet);
  }

  @Override
  protected PrometheusRule desired(FleetPlan plan) {
    var fleet = plan.fleet();
    var namespace = fleet.getMetadata().getNamespace();
    return new PrometheusRuleBuilder()
        .withNewMetadata()
        .withName(name(fleet))
        .withNamespace(namespace)
        .withLabels(Labels.of(fleet, Labels.Component.SLO))
        .endMetadata()
        .withNewSpec()
        .withGroups(
            group(
                FleetRuleGroup.of(
                    new FleetScope(namespace, fleet.getMetadata().getName()),
                    slo(fleet.getSpec().getSlo()))))
        .endSpec()
        .build();
  }

  static RuleGroup group(FleetRuleGroup group) {
    List<Rule> rules =
        group.rules().stream()
            .map(
                r ->
                    new RuleBuilder()
                        .withRecord(r.record())
                        .withExpr(new IntOrString(r.expr()))
                        .withLabels(group.labels())
                        .build())
            .toList();
    return new RuleGroupBuilder().withName(group.name()).withRules(rules).build();
  }

  /** The validated spec's SLO (the reconciler acts only on a valid fleet); defaults without one. */
  static Slo slo(SloSpec spec) {
    if (spec == null) {
      spec = new SloSpec();
    }
    return new Slo(
        spec.getAvailability(),
        Durations.parse(spec.getLatencyThreshold()).toMillis() / 1000.0,
        spec.getLatencyObjective(),
        Durations.parse(spec.getWindow()));
  }
}
