package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.FleetCondition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Condition types of a fleet and the rule for their transition times. */
public final class Conditions {
  public static final String READY = "Ready";
  public static final String PROGRESSING = "Progressing";
  public static final String DEGRADED = "Degraded";
  public static final String PROMETHEUS_REACHABLE = "PrometheusReachable";
  public static final String CHAOS_ACTIVE = "ChaosActive";
  public static final String PAUSED = "Paused";
  public static final String BUDGET_EXHAUSTED = "BudgetExhausted";
  public static final String SAFE_MODE = "SafeMode";

  /** Every type, in the order status shows them. */
  public static final List<String> ORDER =
      List.of(
          READY,
          PROGRESSING,
          DEGRADED,
          PROMETHEUS_REACHABLE,
          CHAOS_ACTIVE,
          PAUSED,
          BUDGET_EXHAUSTED,
          SAFE_MODE);

  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  private Conditions() {}

  public static Optional<FleetCondition> find(List<FleetCondition> conditions, String type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /**
   * The condition as it should be stored: its transition time is the previous one when the status
   * did not change, else now.
   */
  public static FleetCondition settle(
      FleetCondition next, Optional<FleetCondition> previous, Instant now, long generation) {
    var settled =
        new FleetCondition(next.getType(), next.getStatus(), next.getReason(), next.getMessage());
    settled.setObservedGeneration(generation);
    settled.setLastTransitionTime(
        previous
            .filter(p -> Objects.equals(p.getStatus(), next.getStatus()))
            .map(FleetCondition::getLastTransitionTime)
            .filter(Objects::nonNull)
            .orElse(now.toString()));
    return settled;
  }

  /** The conditions sorted in {@link #ORDER}; types outside it keep their place after them. */
  public static List<FleetCondition> ordered(List<FleetCondition> conditions) {
    var out = new ArrayList<FleetCondition>();
    for (var type : ORDER) {
      find(conditions, type).ifPresent(out::add);
    }
    conditions.stream().filter(c -> !ORDER.contains(c.getType())).forEach(out::add);
    return out;
  }
}
