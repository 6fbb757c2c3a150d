package dev.microscope.operator.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Everything the control loop must remember between cycles, so that an operator restart changes
 * nothing: it is written into the resource's status and read back. Plain fields, bounded sizes,
 * finite numbers; a missing (null) field reads as empty, so an older or partial status still loads.
 *
 * @param actions recent decisions that were planned or dry-run (for cooldowns, budgets, blast
 *     radius, quarantine age), newest last, at most {@link #MAX_ACTIONS}
 * @param pendingSince when each user rule's condition started to hold, by {@code rule/target}
 */
public record ControlMemory(
    List<ActionRecord> actions,
    ChaosMemory chaos,
    PrometheusHealth prometheus,
    Map<String, Instant> pendingSince,
    ScaleHistory scale,
    MemoryKills memoryKills) {
  public static final int MAX_ACTIONS = 256;

  public ControlMemory {
    actions = actions == null ? List.of() : List.copyOf(actions);
    if (actions.size() > MAX_ACTIONS) {
      actions = List.copyOf(actions.subList(actions.size() - MAX_ACTIONS, actions.size()));
    }
    chaos = chaos == null ? ChaosMemory.initial() : chaos;
    prometheus = prometheus == null ? PrometheusHealth.healthy() : prometheus;
    pendingSince = pendingSince == null ? Map.of() : Map.copyOf(pendingSince);
    scale = scale == null ? ScaleHistory.empty() : scale;
    memoryKills = memoryKills == null ? MemoryKills.none() : memoryKills;
  }

  public static ControlMemory empty() {
    return new ControlMemory(null, null, null, null, null, null);
  }

  public ControlMemory withActions(List<ActionRecord> value) {
    return new ControlMemory(value, chaos, prometheus, pendingSince, scale, memoryKills);
  }

  public ControlMemory withChaos(ChaosMemory value) {
    return new ControlMemory(actions, value, prometheus, pendingSince, scale, memoryKills);
  }

  public ControlMemory withPrometheus(PrometheusHealth value) {
    return new ControlMemory(actions, chaos, value, pendingSince, scale, memoryKills);
  }

  public ControlMemory withPendingSince(Map<String, Instant> value) {
    return new ControlMemory(actions, chaos, prometheus, value, scale, memoryKills);
  }

  public ControlMemory withScale(ScaleHistory value) {
    return new ControlMemory(actions, chaos, prometheus, pendingSince, value, memoryKills);
  }

  public ControlMemory withMemoryKills(MemoryKills value) {
    return new ControlMemory(actions, chaos, prometheus, pendingSince, scale, value);
  }

  /** The latest recorded action matching {@code filter}. */
  public Optional<ActionRecord> last(Predicate<ActionRecord> filter) {
    return actions.stream().filter(filter).max(Comparator.comparing(ActionRecord::at));
  }

  /** Recorded actions matching {@code filter} at or after {@code since}. */
  public long count(Predicate<ActionRecord> filter, Instant since) {
    return actions.stream().filter(a -> !a.at().isBefore(since)).filter(filter).count();
  }

  /** A copy with {@code record} appended and records older than {@code keep} dropped. */
  ControlMemory remember(ActionRecord record, Instant now, Duration keep) {
    List<ActionRecord> kept = new ArrayList<>();
    Instant horizon = now.minus(keep);
    for (ActionRecord a : actions) {
      if (!a.at().isBefore(horizon)) {
        kept.add(a);
      }
    }
    kept.add(record);
    return withActions(kept);
  }

  /** One planned or dry-run decision, as much as safety needs of it. */
  public record ActionRecord(ActionType action, String target, String rule, Instant at) {
    public ActionRecord {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * The chaos controller's state.
   *
   * @param level the fleet's chaos level
   * @param faultLevels per-fault levels set by rules, overriding {@code level} for that fault
   * @param changedAt when the level last changed; null = never (the observed level is used)
   * @param lowBurnSince since when the burn rate has been low without a break; null = not low
   * @param sloMetSince since when the SLO has been met without a break; null = not met
   * @param toleranceScore the highest level held for a whole stabilization window with the SLO met
   * @param history the latest level changes, newest last, at most {@link #MAX_HISTORY}
   */
  public record ChaosMemory(
      double level,
      Map<Fault, Double> faultLevels,
      Instant changedAt,
      Instant lowBurnSince,
      Instant sloMetSince,
      double toleranceScore,
      List<LevelChange> history) {
    public static final int MAX_HISTORY = 20;

    public ChaosMemory {
      Checks.between(level, 0, 1, "chaos.level");
      faultLevels = faultLevels == null ? Map.of() : Map.copyOf(faultLevels);
      Checks.between(toleranceScore, 0, 1, "chaos.toleranceScore");
      history = history == null ? List.of() : List.copyOf(history);
      if (history.size() > MAX_HISTORY) {
        history = List.copyOf(history.subList(history.size() - MAX_HISTORY, history.size()));
      }
    }

    public static ChaosMemory initial() {
      return new ChaosMemory(0, Map.of(), null, null, null, 0, List.of());
    }

    public boolean everSet() {
      return changedAt != null;
    }

    /** True when some fault is on: the level or a fault override is above zero. */
    public boolean active() {
      return level > 0 || faultLevels.values().stream().anyMatch(l -> l > 0);
    }

    /** A copy at {@code newLevel} (fault overrides cleared), the change appended to history. */
    ChaosMemory changedTo(double newLevel, Instant now, String reason) {
      List<LevelChange> h = new ArrayList<>(history);
      h.add(new LevelChange(now, newLevel, reason));
      // The low-burn clock restarts at the change: the new level must prove itself for a whole
      // stabilization window (the next poll clears it if the burn is not low).
      return new ChaosMemory(newLevel, Map.of(), now, now, sloMetSince, toleranceScore, h);
    }

    /** A copy with one fault's level set. */
    ChaosMemory withFaultLevel(Fault fault, double faultLevel, Instant now, String reason) {
      Map<Fault, Double> levels = new java.util.EnumMap<>(Fault.class);
      levels.putAll(faultLevels);
      levels.put(fault, faultLevel);
      List<LevelChange> h = new ArrayList<>(history);
      h.add(new LevelChange(now, faultLevel, fault.wireName() + ": " + reason));
      return new ChaosMemory(level, levels, now, now, sloMetSince, toleranceScore, h);
    }

    ChaosMemory withTracking(Instant lowBurn, Instant sloMet, double score) {
      return new ChaosMemory(level, faultLevels, changedAt, lowBurn, sloMet, score, history);
    }
  }

  /** One change of the chaos level. */
  public record LevelChange(Instant at, double level, String reason) {}

  /**
   * Whether the operator can read Prometheus.
   *
   * @param consecutiveFailures failed polls in a row
   * @param safeMode on after the failure threshold, off at the first good poll
   * @param since when safe mode last turned on or off; null = never
   */
  public record PrometheusHealth(
      int consecutiveFailures, boolean safeMode, Instant since, String lastError) {
    public static PrometheusHealth healthy() {
      return new PrometheusHealth(0, false, null, null);
    }
  }

  /**
   * Scale recommendations within the scale-down stabilization window, kept as a decreasing sequence
   * (an older recommendation no higher than a newer one can never be the window's maximum again),
   * so the list never holds more entries than distinct replica counts.
   *
   * @param since when recording started without a gap; a window not yet covered holds replicas
   */
  public record ScaleHistory(Instant since, List<Recommendation> recommendations) {
    public ScaleHistory {
      recommendations = recommendations == null ? List.of() : List.copyOf(recommendations);
    }

    public static ScaleHistory empty() {
      return new ScaleHistory(null, List.of());
    }
  }

  /** What the scaling policy wanted at one time. */
  public record Recommendation(Instant at, int replicas) {}

  /**
   * Memory kills seen, to raise the memory limit after repeated ones.
   *
   * @param seen the kill counter last seen per host
   * @param at when new kills were seen, newest last, at most {@link #MAX_KILLS}
   */
  public record MemoryKills(Map<String, Integer> seen, List<Instant> at) {
    public static final int MAX_KILLS = 16;

    public MemoryKills {
      seen = seen == null ? Map.of() : Map.copyOf(seen);
      at = at == null ? List.of() : List.copyOf(at);
      if (at.size() > MAX_KILLS) {
        at = List.copyOf(at.subList(at.size() - MAX_KILLS, at.size()));
      }
    }

    public static MemoryKills none() {
      return new MemoryKills(Map.of(), List.of());
    }
  }
}
