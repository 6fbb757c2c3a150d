package dev.microscope.operator.control;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Limits on what the operator does, whatever the signals say.
 *
 * @param maxPerHour per action type, the most decisions per hour for the fleet; absent = no limit
 * @param workerCooldown the least time between two actions of one type on one worker
 * @param quarantineRetention how long a quarantined worker is kept for evidence before it is
 *     replaced
 * @param memoryKillsBeforeResize memory kills within {@code memoryKillWindow} that raise the limit
 * @param memoryQuotaBytes the highest memory limit a resize may set; 0 = no quota
 */
public record SafetyPolicy(
    Map<ActionType, Integer> maxPerHour,
    Duration workerCooldown,
    Duration quarantineRetention,
    int memoryKillsBeforeResize,
    Duration memoryKillWindow,
    long memoryQuotaBytes) {
  public SafetyPolicy {
    maxPerHour = Map.copyOf(maxPerHour);
    maxPerHour.forEach(
        (type, max) -> Checks.atLeast(max, 0, "safety.maxPerHour." + type.wireName()));
    Checks.notNegative(workerCooldown, "safety.workerCooldown");
    Checks.positive(quarantineRetention, "safety.quarantineRetention");
    Checks.atLeast(memoryKillsBeforeResize, 1, "safety.memoryKillsBeforeResize");
    Checks.positive(memoryKillWindow, "safety.memoryKillWindow");
    Checks.atLeast(memoryQuotaBytes, 0, "safety.memoryQuotaBytes");
  }

  public static SafetyPolicy defaults() {
    Map<ActionType, Integer> perHour = new EnumMap<>(ActionType.class);
    perHour.put(ActionType.RESTART_WORKER, 6);
    perHour.put(ActionType.QUARANTINE_WORKER, 3);
    perHour.put(ActionType.SET_RESOURCES, 2);
    perHour.put(ActionType.SET_TRAFFIC_RATE, 12);
    perHour.put(ActionType.NOTIFY, 30);
    return new SafetyPolicy(
        perHour, Duration.ofMinutes(5), Duration.ofMinutes(15), 2, Duration.ofHours(1), 0);
  }

  public SafetyPolicy withMaxPerHour(ActionType type, int max) {
    Map<ActionType, Integer> copy = new EnumMap<>(ActionType.class);
    copy.putAll(maxPerHour);
    copy.put(type, max);
    return new SafetyPolicy(
        copy,
        workerCooldown,
        quarantineRetention,
        memoryKillsBeforeResize,
        memoryKillWindow,
        memoryQuotaBytes);
  }

  public SafetyPolicy withWorkerCooldown(Duration cooldown) {
    return new SafetyPolicy(
        maxPerHour,
        cooldown,
        quarantineRetention,
        memoryKillsBeforeResize,
        memoryKillWindow,
        memoryQuotaBytes);
  }

  public SafetyPolicy withMemoryQuotaBytes(long quota) {
    return new SafetyPolicy(
        maxPerHour,
        workerCooldown,
        quarantineRetention,
        memoryKillsBeforeResize,
        memoryKillWindow,
        quota);
  }
}
