package dev.microscope.operator.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counts memory kills of worker hosts across cycles and, after repeated ones, proposes a higher
 * memory limit: {@code max(limit + 100Mi, limit * 1.2)}, at most the quota. Kills before the last
 * resize do not count again.
 */
final class MemoryKillTracker {
  static final long STEP_BYTES = 100L * 1024 * 1024;

  record Result(ControlMemory.MemoryKills kills, Optional<ProposedAction> proposal) {}

  private MemoryKillTracker() {}

  static Result track(
      FleetPolicy policy, ObservedFleet observed, ControlMemory memory, Instant now) {
    Map<String, Integer> current = new HashMap<>();
    for (ObservedWorker w : observed.workers()) {
      current.merge(w.host(), w.memoryKills(), Math::max);
    }
    ControlMemory.MemoryKills previous = memory.memoryKills();
    List<Instant> at = new ArrayList<>(previous.at());
    current.forEach(
        (host, kills) -> {
          int fresh = kills - previous.seen().getOrDefault(host, 0);
          for (int i = 0; i < fresh; i++) {
            at.add(now);
          }
        });
    ControlMemory.MemoryKills kills = new ControlMemory.MemoryKills(current, at);

    SafetyPolicy safety = policy.safety();
    Instant since = now.minus(safety.memoryKillWindow());
    Optional<ControlMemory.ActionRecord> lastResize =
        memory.last(a -> a.action() == ActionType.SET_RESOURCES);
    if (lastResize.isPresent() && lastResize.get().at().isAfter(since)) {
      since = lastResize.get().at();
    }
    Instant from = since;
    long recent = kills.at().stream().filter(t -> t.isAfter(from)).count();
    if (recent < safety.memoryKillsBeforeResize()) {
      return new Result(kills, Optional.empty());
    }
    return new Result(kills, Optional.of(resize(policy, observed, recent)));
  }

  private static ProposedAction resize(FleetPolicy policy, ObservedFleet observed, long recent) {
    long limit = observed.memoryLimitBytes();
    long quota = policy.safety().memoryQuotaBytes();
    Evidence evidence = Evidence.of().add("memory_kills", recent).add("memory_limit_bytes", limit);
    String threshold = ">= " + policy.safety().memoryKillsBeforeResize() + " kills";
    String rule = BuiltinRule.MEMORY_KILLS.ruleName();
    if (limit <= 0) {
      return new ProposedAction(
          Action.notify(recent + " memory kills, but the memory limit is unknown"),
          rule,
          evidence.toMap(),
          threshold,
          "repeated memory kills; cannot raise an unknown limit");
    }
    long raised = Math.max(limit + STEP_BYTES, (long) Math.ceil(limit * 1.2));
    if (quota > 0) {
      raised = Math.min(raised, quota);
      evidence.add("memory_quota_bytes", quota);
    }
    if (raised <= limit) {
      return new ProposedAction(
          Action.notify(recent + " memory kills, and the memory limit is at the quota"),
          rule,
          evidence.toMap(),
          threshold,
          "repeated memory kills; limit " + limit + " already at the quota " + quota);
    }
    return new ProposedAction(
        Action.setMemoryLimit(raised),
        rule,
        evidence.toMap(),
        threshold,
        recent + " memory kills: memory limit " + limit + " -> " + raised + " bytes");
  }
}
