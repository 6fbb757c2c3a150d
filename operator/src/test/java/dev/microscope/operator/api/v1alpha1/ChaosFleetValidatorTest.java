package dev.microscope.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChaosFleetValidatorTest {
  private final ChaosFleetValidator validator = new ChaosFleetValidator();

  @Test
  void defaultsAreValid() {
    assertThat(validator.validate(fleet("ok"))).isEmpty();
  }

  @Test
  void minAboveMaxNamesTheField() {
    var fleet = fleet("f");
    fleet.getSpec().getWorkers().getReplicas().setMin(6);
    assertThat(validator.validate(fleet))
        .containsExactly(
            new SpecViolation("spec.workers.replicas.min", "is 6, above replicas.max (5)"));
  }

  @Test
  void autoscalingOutOfRangeNamesEachField() {
    var fleet = fleet("f");
    var autoscaling = fleet.getSpec().getWorkers().getAutoscaling();
    autoscaling.setTargetCpuSaturation(1.5);
    autoscaling.setMaxChangePerStep(0);
    autoscaling.setScaleDownStabilization("soon");
    assertThat(validator.validate(fleet))
        .containsExactly(
            new SpecViolation(
                "spec.workers.autoscaling.targetCpuSaturation", "is 1.5, outside 0.05..1"),
            new SpecViolation("spec.workers.autoscaling.maxChangePerStep", "is 0, outside 1..100"),
            new SpecViolation(
                "spec.workers.autoscaling.scaleDownStabilization",
                "is 'soon', not a duration such as 30s or 5m"));
  }

  @Test
  void aFleetStoredBeforeAutoscalingExistedIsValid() {
    var fleet = fleet("f");
    fleet.getSpec().getWorkers().setAutoscaling(null);
    assertThat(validator.validate(fleet)).isEmpty();
  }

  @Test
  void ruleWithoutActionOrWithMissingParameterIsInvalid() {
    var fleet = fleet("f");
    var noAction = rule("a");
    var scaleByZero = rule("b");
    scaleByZero.setAction(new ActionSpec());
    scaleByZero.getAction().setType(ActionSpec.ActionType.SCALE);
    var restartFleet = rule("c");
    restartFleet.setAction(new ActionSpec());
    restartFleet.getAction().setType(ActionSpec.ActionType.RESTART_WORKER);
    fleet.getSpec().setRules(List.of(noAction, scaleByZero, restartFleet, rule("a")));

    assertThat(validator.validate(fleet))
        .extracting(SpecViolation::field)
        .containsExactly(
            "spec.rules[0].action",
            "spec.rules[1].action.scaleBy",
            "spec.rules[2].action.type",
            "spec.rules[3].name",
            "spec.rules[3].action");
  }

  @Test
  void latencyThresholdMustBeAHistogramBucket() {
    var fleet = fleet("f");
    fleet.getSpec().getSlo().setLatencyThreshold("400ms");
    assertThat(validator.validate(fleet))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo("spec.slo.latencyThreshold");
              assertThat(v.problem()).contains("not a bucket boundary").contains("500ms");
            });
    for (var bucket : List.of("5ms", "250ms", "300ms", "1s", "2500ms", "10s")) {
      fleet.getSpec().getSlo().setLatencyThreshold(bucket);
      assertThat(validator.validate(fleet)).as(bucket).isEmpty();
    }
  }

  @Test
  void crossFieldChecks() {
    var fleet = fleet("f");
    var latency = new LatencyFault();
    latency.setMinMs(500);
    latency.setMaxMs(100);
    fleet.getSpec().getChaos().setLatency(latency);
    fleet.getSpec().getChaos().setMaxLevel(0.2);
    fleet.getSpec().getChaos().getAdaptive().setEnabled(true);
    fleet.getSpec().getChaos().getAdaptive().setInitialLevel(0.5);
    fleet.getSpec().getPrometheus().setQueryTimeout("1m");
    var quota = new QuotaSpec();
    quota.setPods(3);
    fleet.getSpec().setQuota(quota);
    fleet.getSpec().getTraffic().getMix().setUsers(0);
    fleet.getSpec().getTraffic().getMix().setOrders(0);
    fleet.getSpec().getTraffic().getMix().setSlow(0);

    assertThat(validator.validate(fleet))
        .extracting(SpecViolation::field)
        .containsExactly(
            "spec.traffic.mix",
            "spec.chaos.latency.minMs",
            "spec.chaos.adaptive.initialLevel",
            "spec.prometheus.queryTimeout",
            "spec.quota.pods");
  }

  @Test
  void explicitNullsAndBadNamesAreReportedNotThrown() {
    var fleet = fleet("9-starts-with-a-digit");
    fleet.getSpec().setWorkers(null);
    fleet.getSpec().getChaos().setAdaptive(null);
    fleet.getSpec().getSlo().setWindow("a month");
    assertThat(validator.validate(fleet))
        .extracting(SpecViolation::field)
        .containsExactly("metadata.name", "spec.workers", "spec.chaos.adaptive", "spec.slo.window");
    assertThat(validator.validate(fleet("x".repeat(51))))
        .extracting(SpecViolation::field)
        .containsExactly("metadata.name");
  }

  private static RuleSpec rule(String name) {
    var rule = new RuleSpec();
    rule.setName(name);
    rule.setQuery("up");
    rule.setOperator(RuleSpec.Operator.LT);
    rule.setThreshold(1.0);
    return rule;
  }

  private static ChaosFleet fleet(String name) {
    var fleet = ChaosFleet.withDefaultSpec();
    fleet.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("ns").build());
    return fleet;
  }
}
