package dev.microscope.operator.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reviews every proposed action against the modes and limits, and remembers what passed. In order:
 * Observe mode decides nothing; pause and safe mode take chaos to zero and hold everything else;
 * while Prometheus is unreadable only harm-reducing actions pass; then cooldowns, hourly budgets,
 * the blast radius and the scale guard. DryRun decisions are recorded and remembered exactly like
 * Enforce ones (so the log shows what Enforce would do, cooldowns included), and marked as not
 * applied.
 */
public final class SafetyGovernor {
  /** The decisions of one cycle and the memory after them. */
  public record Review(List<Decision> decisions, ControlMemory memory) {}

  private SafetyGovernor() {}

  public static Review review(
      FleetPolicy policy,
      ObservedFleet observed,
      Signals signals,
      ControlMemory memory,
      List<ProposedAction> proposals,
      Trigger trigger,
      Instant now) {
    if (policy.mode() == Mode.OBSERVE) {
      ControlMemory.ChaosMemory chaos =
          memory.chaos().active()
              ? memory.chaos().changedTo(0, now, "mode Observe")
              : memory.chaos();
      return new Review(List.of(), memory.withChaos(chaos));
    }
    Duration keep = SafetyChecks.retention(policy);
    List<Decision> decisions = new ArrayList<>();
    Set<String> decided = new HashSet<>();
    ControlMemory m = memory;
    for (ProposedAction p : ordered(policy, m, proposals)) {
      Verdict verdict = check(policy, observed, signals, m, p, decided, now);
      Action action = verdict.action();
      Decision.Outcome outcome =
          !verdict.allowed()
              ? Decision.Outcome.BLOCKED
              : policy.mode() == Mode.DRY_RUN ? Decision.Outcome.DRY_RUN : Decision.Outcome.PLANNED;
      String reason =
          verdict.allowed()
              ? p.reason() + (verdict.note() == null ? "" : " (" + verdict.note() + ")")
              : verdict.note() + "; proposed because " + p.reason();
      decisions.add(
          new Decision(
              now,
              trigger.value(),
              p.rule(),
              p.values(),
              p.threshold(),
              action.type(),
              action.target(),
              action.parameters(),
              policy.mode() == Mode.DRY_RUN,
              outcome,
              reason));
      if (verdict.allowed()) {
        decided.add(key(action));
        m = remember(m, p, action, now, keep);
      }
    }
    return new Review(decisions, m);
  }

  /**
   * Harm-reducing actions first. Under pause or safe mode (zero chaos) every chaos proposal is
   * replaced by one abort, when any fault is on.
   */
  private static List<ProposedAction> ordered(
      FleetPolicy policy, ControlMemory memory, List<ProposedAction> proposals) {
    List<ProposedAction> out = new ArrayList<>();
    boolean zeroChaos =
        policy.paused()
            || (memory.prometheus().safeMode()
                && policy.prometheus().whileBlind() == PrometheusPolicy.WhileBlind.ZERO_CHAOS);
    if (zeroChaos && memory.chaos().active()) {
      BuiltinRule rule = policy.paused() ? BuiltinRule.PAUSED : BuiltinRule.SAFE_MODE;
      out.add(
          new ProposedAction(
              Action.abortChaos(),
              rule.ruleName(),
              Evidence.of().add("chaos_level", memory.chaos().level()).toMap(),
              null,
              policy.paused()
                  ? "the fleet is paused: chaos to zero"
                  : "safe mode: no chaos while Prometheus is unreadable"));
    }
    List<ProposedAction> others = new ArrayList<>();
    for (ProposedAction p : proposals) {
      ActionType type = p.action().type();
      if (zeroChaos && (type == ActionType.SET_CHAOS || type == ActionType.ABORT_CHAOS)) {
        continue;
      }
      (type == ActionType.ABORT_CHAOS ? out : others).add(p);
    }
    out.addAll(others);
    return out;
  }

  private static Verdict check(
      FleetPolicy policy,
      ObservedFleet observed,
      Signals signals,
      ControlMemory memory,
      ProposedAction p,
      Set<String> decided,
      Instant now) {
    Action a = p.action();
    ActionType type = a.type();
    boolean safetyNotice =
        type == ActionType.NOTIFY && BuiltinRule.SAFE_MODE.ruleName().equals(p.rule());
    if (type == ActionType.ABORT_CHAOS) {
      return memory.chaos().active() ? Verdict.allow(a) : Verdict.block(a, "chaos is already off");
    }
    if (safetyNotice) {
      return Verdict.allow(a);
    }
    if (!type.alwaysAllowed()) {
      if (policy.paused()) {
        return Verdict.block(a, "paused");
      }
      if (memory.prometheus().safeMode()) {
        return Verdict.block(
            a,
            type == ActionType.SCALE
                ? "safe mode: replicas held while Prometheus is unreadable"
                : "safe mode: no actions while Prometheus is unreadable");
      }
      if (signals.pollFailed()) {
        return Verdict.block(
            a,
            "Prometheus unreadable ("
                + memory.prometheus().consecutiveFailures()
                + " of "
                + policy.prometheus().failureThreshold()
                + " failed polls before safe mode): holding");
      }
    }
    if (decided.contains(key(a))) {
      return Verdict.block(a, "already decided this cycle");
    }
    if (!Action.FLEET.equals(a.target()) && observed.worker(a.target()).isEmpty()) {
      return Verdict.block(a, "worker " + a.target() + " is not in the fleet");
    }
    Optional<String> blocked =
        SafetyChecks.cooldown(policy, p, memory, now)
            .or(() -> SafetyChecks.budget(policy, p, memory, now))
            .or(() -> SafetyChecks.blastRadius(policy, a, observed, memory, now));
    if (blocked.isPresent()) {
      return Verdict.block(a, blocked.get());
    }
    if (type == ActionType.SCALE) {
      return ScaleGuard.check(policy, a, observed, memory, now);
    }
    if (type == ActionType.SET_CHAOS) {
      return chaosLevel(policy, a, memory.chaos());
    }
    return Verdict.allow(a);
  }

  /** A level within maxLevel, and an actual change (a repeated level is not remembered). */
  private static Verdict chaosLevel(FleetPolicy policy, Action a, ControlMemory.ChaosMemory chaos) {
    double level = Math.min(a.number("level", 0), policy.chaos().maxLevel());
    String fault = a.parameters().get("fault");
    Double current =
        fault == null
            ? (chaos.faultLevels().isEmpty() ? chaos.level() : null)
            : chaos.faultLevels().get(Fault.parse(fault));
    if (current != null && current == level) {
      return Verdict.block(a, "no change: chaos level already " + Numbers.format(level));
    }
    if (level < a.number("level", 0)) {
      return Verdict.adjust(
          a.withParameter("level", Numbers.format(level)), "clamped to chaos.maxLevel");
    }
    return Verdict.allow(a);
  }

  private static ControlMemory remember(
      ControlMemory m, ProposedAction p, Action a, Instant now, Duration keep) {
    ControlMemory next =
        m.remember(new ControlMemory.ActionRecord(a.type(), a.target(), p.rule(), now), now, keep);
    return switch (a.type()) {
      case ABORT_CHAOS -> next.withChaos(next.chaos().changedTo(0, now, p.rule()));
      case SET_CHAOS -> {
        double level = a.number("level", 0);
        String fault = a.parameters().get("fault");
        yield next.withChaos(
            fault == null
                ? next.chaos().changedTo(level, now, p.rule())
                : next.chaos().withFaultLevel(Fault.parse(fault), level, now, p.rule()));
      }
      default -> next;
    };
  }

  private static String key(Action a) {
    return a.type() + "/" + a.target();
  }
}
