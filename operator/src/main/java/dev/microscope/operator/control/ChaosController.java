package dev.microscope.operator.control;

import static dev.microscope.operator.control.BuiltinSignal.ERROR_BUDGET_REMAINING;
import static dev.microscope.operator.control.BuiltinSignal.LATENCY_SLO_VIOLATION_RATIO;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Chaos intensity follows the availability error budget, in the multi-window, multi-burn-rate
 * manner of SLO alerting:
 *
 * <ul>
 *   <li>fast burn (at least 14.4x over both 5m and 1h): every fault off at once
 *   <li>budget spent (none remaining over the SLO window): every fault off at once
 *   <li>slow burn (6x over 30m and 6h, or 3x over 2h and 1d): level times the decrease factor, at
 *       most once per step interval
 *   <li>low burn (below 1x over 5m and 1h) for the whole stabilization window, with at least the
 *       minimum budget left: level plus the increase step, up to {@code maxLevel}
 * </ul>
 *
 * No data or failed signals hold the level: the controller never escalates on ignorance. It also
 * keeps the tolerance score: the highest level held for a whole stabilization window while the SLO
 * was met (error ratio and slow-request share within their budgets over 5m).
 */
public final class ChaosController {
  public static final double FAST_BURN = 14.4;
  static final double SLOW_BURN_SHORT = 6;
  static final double SLOW_BURN_LONG = 3;

  /** Levels below this after a decrease round to zero. */
  static final double MIN_LEVEL = 0.01;

  /** The controller's proposal (if any) and its updated bookkeeping; the level is unchanged. */
  public record Step(Optional<ProposedAction> proposal, ControlMemory.ChaosMemory memory) {}

  private ChaosController() {}

  public static Step step(
      FleetPolicy policy,
      Signals signals,
      ObservedFleet observed,
      ControlMemory.ChaosMemory memory,
      Instant now) {
    ControlMemory.ChaosMemory current =
        memory.everSet()
            ? memory
            : new ControlMemory.ChaosMemory(
                observed.chaosLevel(),
                memory.faultLevels(),
                null,
                memory.lowBurnSince(),
                memory.sloMetSince(),
                memory.toleranceScore(),
                memory.history());
    ControlMemory.ChaosMemory tracked = track(policy, signals, current, now);
    return new Step(propose(policy, signals, tracked, now), tracked);
  }

  private static ControlMemory.ChaosMemory track(
      FleetPolicy policy, Signals signals, ControlMemory.ChaosMemory m, Instant now) {
    boolean low =
        signals.burnRate(BurnWindow.M5).orNaN() < 1 && signals.burnRate(BurnWindow.H1).orNaN() < 1;
    boolean sloMet =
        signals.burnRate(BurnWindow.M5).orNaN() <= 1
            && signals.fleet(LATENCY_SLO_VIOLATION_RATIO).orNaN() <= policy.slo().latencyBudget();
    Instant lowSince = low ? orNow(m.lowBurnSince(), now) : null;
    Instant metSince = sloMet ? orNow(m.sloMetSince(), now) : null;
    double score = m.toleranceScore();
    if (metSince != null) {
      Instant heldSince =
          m.changedAt() != null && m.changedAt().isAfter(metSince) ? m.changedAt() : metSince;
      if (!heldSince.plus(policy.chaos().adaptive().stabilization()).isAfter(now)) {
        score = Math.max(score, m.level());
      }
    }
    return m.withTracking(lowSince, metSince, score);
  }

  private static Optional<ProposedAction> propose(
      FleetPolicy policy, Signals signals, ControlMemory.ChaosMemory m, Instant now) {
    ChaosPolicy chaos = policy.chaos();
    double level = m.level();
    double max = chaos.maxLevel();
    Reading b5m = signals.burnRate(BurnWindow.M5);
    Reading b1h = signals.burnRate(BurnWindow.H1);
    Reading budget = signals.fleet(ERROR_BUDGET_REMAINING);

    if (m.active() && b5m.orNaN() >= FAST_BURN && b1h.orNaN() >= FAST_BURN) {
      return Optional.of(
          abort(
              BuiltinRule.FAST_BURN,
              Evidence.of().add("burn_rate_5m", b5m).add("burn_rate_1h", b1h),
              ">= " + Numbers.format(FAST_BURN) + " over 5m and 1h",
              "fast burn: the error budget would be gone within days"));
    }
    if (m.active() && budget.orNaN() <= 0) {
      return Optional.of(
          abort(
              BuiltinRule.BUDGET_EXHAUSTED,
              Evidence.of().add(ERROR_BUDGET_REMAINING, budget),
              "<= 0",
              "error budget spent over the SLO window"));
    }
    if (level > max) {
      return Optional.of(
          set(
              max,
              level,
              BuiltinRule.CHAOS_LEVEL,
              Evidence.of(),
              "<= " + Numbers.format(max),
              "chaos.maxLevel is below the current level"));
    }
    if (!chaos.adaptive().enabled()) {
      if (level != max && stepAllowed(chaos, m, now)) {
        return Optional.of(
            set(
                max,
                level,
                BuiltinRule.CHAOS_LEVEL,
                Evidence.of(),
                "== maxLevel",
                "adaptive chaos is off: the level is chaos.maxLevel"));
      }
      return Optional.empty();
    }
    Optional<ProposedAction> slow = slowBurn(policy, signals, m, now);
    if (slow.isPresent()) {
      return slow;
    }
    return escalation(policy, signals, m, now);
  }

  private static Optional<ProposedAction> slowBurn(
      FleetPolicy policy, Signals signals, ControlMemory.ChaosMemory m, Instant now) {
    Reading b30m = signals.burnRate(BurnWindow.M30);
    Reading b6h = signals.burnRate(BurnWindow.H6);
    Reading b2h = signals.burnRate(BurnWindow.H2);
    Reading b1d = signals.burnRate(BurnWindow.D1);
    boolean shortPair = b30m.orNaN() >= SLOW_BURN_SHORT && b6h.orNaN() >= SLOW_BURN_SHORT;
    boolean longPair = b2h.orNaN() >= SLOW_BURN_LONG && b1d.orNaN() >= SLOW_BURN_LONG;
    if (!(shortPair || longPair) || m.level() <= 0 || !stepAllowed(policy.chaos(), m, now)) {
      return Optional.empty();
    }
    double lowered = Numbers.level(m.level() * policy.chaos().adaptive().decreaseFactor());
    if (lowered < MIN_LEVEL) {
      lowered = 0;
    }
    Evidence evidence =
        shortPair
            ? Evidence.of().add("burn_rate_30m", b30m).add("burn_rate_6h", b6h)
            : Evidence.of().add("burn_rate_2h", b2h).add("burn_rate_1d", b1d);
    String threshold =
        shortPair
            ? ">= " + Numbers.format(SLOW_BURN_SHORT) + " over 30m and 6h"
            : ">= " + Numbers.format(SLOW_BURN_LONG) + " over 2h and 1d";
    return Optional.of(
        set(
            lowered,
            m.level(),
            BuiltinRule.SLOW_BURN,
            evidence,
            threshold,
            "slow burn: level x " + Numbers.format(policy.chaos().adaptive().decreaseFactor())));
  }

  private static Optional<ProposedAction> escalation(
      FleetPolicy policy, Signals signals, ControlMemory.ChaosMemory m, Instant now) {
    ChaosPolicy.Adaptive adaptive = policy.chaos().adaptive();
    Reading budget = signals.fleet(ERROR_BUDGET_REMAINING);
    if (m.lowBurnSince() == null
        || m.level() >= policy.chaos().maxLevel()
        || !(budget.orNaN() >= adaptive.minBudgetRemaining())
        || m.lowBurnSince().plus(adaptive.stabilization()).isAfter(now)
        || !stepAllowed(policy.chaos(), m, now)) {
      return Optional.empty();
    }
    double raised =
        Numbers.level(Math.min(policy.chaos().maxLevel(), m.level() + adaptive.increaseStep()));
    Duration low = Duration.between(m.lowBurnSince(), now);
    return Optional.of(
        set(
            raised,
            m.level(),
            BuiltinRule.CHAOS_ESCALATION,
            Evidence.of()
                .add("burn_rate_5m", signals.burnRate(BurnWindow.M5))
                .add("burn_rate_1h", signals.burnRate(BurnWindow.H1))
                .add(ERROR_BUDGET_REMAINING, budget)
                .add("low_burn_seconds", low.toSeconds()),
            "< 1 over 5m and 1h for "
                + adaptive.stabilization().toSeconds()
                + "s, budget >= "
                + Numbers.format(adaptive.minBudgetRemaining()),
            "the fleet copes: level + " + Numbers.format(adaptive.increaseStep())));
  }

  private static boolean stepAllowed(ChaosPolicy chaos, ControlMemory.ChaosMemory m, Instant now) {
    return m.changedAt() == null
        || !m.changedAt().plus(chaos.adaptive().stepInterval()).isAfter(now);
  }

  private static ProposedAction abort(
      BuiltinRule rule, Evidence evidence, String threshold, String reason) {
    return new ProposedAction(
        Action.abortChaos(), rule.ruleName(), evidence.toMap(), threshold, reason);
  }

  private static ProposedAction set(
      double level,
      double previous,
      BuiltinRule rule,
      Evidence evidence,
      String threshold,
      String reason) {
    return new ProposedAction(
        Action.setChaos(level).withParameter("previous", Numbers.format(previous)),
        rule.ruleName(),
        evidence.toMap(),
        threshold,
        reason + ": " + Numbers.format(previous) + " -> " + Numbers.format(level));
  }

  private static Instant orNow(Instant since, Instant now) {
    return since == null ? now : since;
  }
}
