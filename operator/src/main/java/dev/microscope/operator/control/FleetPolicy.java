package dev.microscope.operator.control;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the user asked for, in the control loop's own terms (the Kubernetes and local layers map the
 * ChaosFleet spec into this). Every field is validated with a message naming it.
 */
public record FleetPolicy(
    Slo slo,
    ChaosPolicy chaos,
    WorkerBounds workers,
    ScalingPolicy scaling,
    SafetyPolicy safety,
    PrometheusPolicy prometheus,
    ClassifierThresholds classification,
    List<UserRule> rules,
    Mode mode,
    boolean paused) {
  public FleetPolicy {
    Checks.required(slo, "slo");
    Checks.required(chaos, "chaos");
    Checks.required(workers, "workers");
    Checks.required(scaling, "scaling");
    Checks.required(safety, "safety");
    Checks.required(prometheus, "prometheus");
    Checks.required(classification, "classification");
    rules = List.copyOf(rules);
    Checks.required(mode, "mode");
    Set<String> names = new HashSet<>();
    for (UserRule rule : rules) {
      if (!names.add(rule.name())) {
        throw new IllegalArgumentException("rules[].name '" + rule.name() + "' is not unique");
      }
      if (BuiltinRule.isBuiltin(rule.name())) {
        throw new IllegalArgumentException(
            "rules[].name '" + rule.name() + "' is the name of a built-in policy");
      }
    }
  }

  public static FleetPolicy defaults() {
    return new FleetPolicy(
        Slo.defaults(),
        ChaosPolicy.defaults(),
        WorkerBounds.defaults(),
        ScalingPolicy.defaults(),
        SafetyPolicy.defaults(),
        PrometheusPolicy.defaults(),
        ClassifierThresholds.defaults(),
        List.of(),
        Mode.ENFORCE,
        false);
  }

  public FleetPolicy withSlo(Slo value) {
    return new FleetPolicy(
        value, chaos, workers, scaling, safety, prometheus, classification, rules, mode, paused);
  }

  public FleetPolicy withChaos(ChaosPolicy value) {
    return new FleetPolicy(
        slo, value, workers, scaling, safety, prometheus, classification, rules, mode, paused);
  }

  public FleetPolicy withWorkers(WorkerBounds value) {
    return new FleetPolicy(
        slo, chaos, value, scaling, safety, prometheus, classification, rules, mode, paused);
  }

  public FleetPolicy withScaling(ScalingPolicy value) {
    return new FleetPolicy(
        slo, chaos, workers, value, safety, prometheus, classification, rules, mode, paused);
  }

  public FleetPolicy withSafety(SafetyPolicy value) {
    return new FleetPolicy(
        slo, chaos, workers, scaling, value, prometheus, classification, rules, mode, paused);
  }

  public FleetPolicy withPrometheus(PrometheusPolicy value) {
    return new FleetPolicy(
        slo, chaos, workers, scaling, safety, value, classification, rules, mode, paused);
  }

  public FleetPolicy withClassification(ClassifierThresholds value) {
    return new FleetPolicy(
        slo, chaos, workers, scaling, safety, prometheus, value, rules, mode, paused);
  }

  public FleetPolicy withRules(List<UserRule> value) {
    return new FleetPolicy(
        slo, chaos, workers, scaling, safety, prometheus, classification, value, mode, paused);
  }

  public FleetPolicy withMode(Mode value) {
    return new FleetPolicy(
        slo, chaos, workers, scaling, safety, prometheus, classification, rules, value, paused);
  }

  public FleetPolicy withPaused(boolean value) {
    return new FleetPolicy(
        slo, chaos, workers, scaling, safety, prometheus, classification, rules, mode, value);
  }
}
