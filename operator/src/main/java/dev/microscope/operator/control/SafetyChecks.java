package dev.microscope.operator.control;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Cooldowns, hourly budgets and the blast radius, all counted from the control memory. */
final class SafetyChecks {
  static final Duration HOUR = Duration.ofHours(1);

  private SafetyChecks() {}

  static Optional<String> cooldown(
      FleetPolicy policy, ProposedAction p, ControlMemory memory, Instant now) {
    Action a = p.action();
    Optional<UserRule> rule = userRule(policy, p.rule());
    if (rule.isPresent() && !rule.get().cooldown().isZero()) {
      Optional<String> blocked =
          within(
              memory,
              r -> r.rule() != null && r.rule().equals(p.rule()) && r.target().equals(a.target()),
              rule.get().cooldown(),
              now,
              "rule " + p.rule() + " cooldown on " + a.target());
      if (blocked.isPresent()) {
        return blocked;
      }
    }
    // The safety cooldown: per worker for disruptive actions whatever rule asks, and per target
    // for the built-in policies' notifications (a user rule's notifications have its cooldown).
    boolean builtinNotice = a.type() == ActionType.NOTIFY && rule.isEmpty();
    if (!(a.type().disruptive() || builtinNotice) || policy.safety().workerCooldown().isZero()) {
      return Optional.empty();
    }
    return within(
        memory,
        r ->
            r.action() == a.type()
                && r.target().equals(a.target())
                && (!builtinNotice || p.rule().equals(r.rule())),
        policy.safety().workerCooldown(),
        now,
        a.type().wireName() + " cooldown on " + a.target());
  }

  private static Optional<String> within(
      ControlMemory memory,
      java.util.function.Predicate<ControlMemory.ActionRecord> filter,
      Duration cooldown,
      Instant now,
      String what) {
    return memory
        .last(filter)
        .filter(r -> r.at().plus(cooldown).isAfter(now))
        .map(
            r ->
                what
                    + ": last at "
                    + r.at()
                    + ", "
                    + Duration.between(r.at(), now).toSeconds()
                    + "s ago, cooldown "
                    + cooldown.toSeconds()
                    + "s");
  }

  static Optional<String> budget(
      FleetPolicy policy, ProposedAction p, ControlMemory memory, Instant now) {
    ActionType type = p.action().type();
    Instant since = now.minus(HOUR);
    Integer max = policy.safety().maxPerHour().get(type);
    if (max != null) {
      long used = memory.count(r -> r.action() == type, since);
      if (used >= max) {
        return Optional.of(
            "budget exhausted: "
                + used
                + " "
                + type.wireName()
                + " in the last hour (safety.maxPerHour "
                + max
                + ")");
      }
    }
    Optional<UserRule> rule = userRule(policy, p.rule());
    if (rule.isPresent() && rule.get().maxPerHour() > 0) {
      long used = memory.count(r -> p.rule().equals(r.rule()), since);
      if (used >= rule.get().maxPerHour()) {
        return Optional.of(
            "rule budget exhausted: "
                + used
                + " actions of rule "
                + p.rule()
                + " in the last hour (maxPerHour "
                + rule.get().maxPerHour()
                + ")");
      }
    }
    return Optional.empty();
  }

  static Optional<String> blastRadius(
      FleetPolicy policy, Action a, ObservedFleet observed, ControlMemory memory, Instant now) {
    if (!a.type().disruptive()) {
      return Optional.empty();
    }
    ChaosPolicy.BlastRadius radius = policy.chaos().blastRadius();
    Instant since = now.minus(radius.window());
    Set<String> disrupted = new HashSet<>();
    memory.actions().stream()
        .filter(r -> r.action().disruptive() && !r.at().isBefore(since))
        .forEach(r -> disrupted.add(r.target()));
    observed.workers().stream()
        .filter(ObservedWorker::quarantined)
        .forEach(w -> disrupted.add(w.id()));
    int allowed = radius.allowed(observed.workers().size());
    if (disrupted.contains(a.target()) || disrupted.size() < allowed) {
      return Optional.empty();
    }
    return Optional.of(
        "blast radius: "
            + disrupted.size()
            + " of "
            + observed.workers().size()
            + " workers already restarted or quarantined within "
            + radius.window().toSeconds()
            + "s (maxShare "
            + Numbers.format(radius.maxShare())
            + " allows "
            + allowed
            + ")");
  }

  static Optional<UserRule> userRule(FleetPolicy policy, String name) {
    return policy.rules().stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /** How long action records must be kept for every check above. */
  static Duration retention(FleetPolicy policy) {
    Duration keep = HOUR;
    keep = max(keep, policy.safety().workerCooldown());
    keep = max(keep, policy.chaos().blastRadius().window());
    keep = max(keep, policy.safety().quarantineRetention().multipliedBy(2));
    keep = max(keep, policy.safety().memoryKillWindow());
    for (UserRule rule : policy.rules()) {
      keep = max(keep, rule.cooldown());
    }
    return keep;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
