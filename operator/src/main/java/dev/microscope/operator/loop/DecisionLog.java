package dev.microscope.operator.loop;

import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.api.v1alpha1.DecisionEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The decision log in the status: newest last, at most {@link ChaosFleetStatus#MAX_DECISIONS}
 * entries. A decision that is held back or fails again, cycle after cycle, updates its entry (time,
 * values, reason, count) instead of pushing everything else out of the log.
 */
public final class DecisionLog {
  private static final Pattern SINGLE_COMPARISON =
      Pattern.compile("^\\s*(>=|<=|==|!=|>|<)\\s*([-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?)\\s*$");

  private DecisionLog() {}

  /** The log after {@code acted}, and which of them are new entries (not repeats). */
  public record Appended(List<DecisionEntry> log, List<ActedDecision> fresh) {}

  public static Appended append(List<DecisionEntry> log, List<ActedDecision> acted) {
    List<DecisionEntry> out = new ArrayList<>(log == null ? List.of() : log);
    List<ActedDecision> fresh = new ArrayList<>();
    for (ActedDecision a : acted) {
      DecisionEntry entry = entry(a);
      Optional<DecisionEntry> repeat = repeatable(a) ? latestLike(out, entry) : Optional.empty();
      if (repeat.isPresent()) {
        out.remove(repeat.get());
        entry.setCount(count(repeat.get()) + 1);
      } else {
        fresh.add(a);
      }
      out.add(entry);
    }
    int max = ChaosFleetStatus.MAX_DECISIONS;
    if (out.size() > max) {
      out = new ArrayList<>(out.subList(out.size() - max, out.size()));
    }
    return new Appended(out, fresh);
  }

  /** Held back or failed again: the same story, told once. */
  private static boolean repeatable(ActedDecision a) {
    return a.result() == ActedDecision.Result.BLOCKED || a.result() == ActedDecision.Result.FAILED;
  }

  private static Optional<DecisionEntry> latestLike(List<DecisionEntry> log, DecisionEntry e) {
    for (int i = log.size() - 1; i >= 0; i--) {
      var old = log.get(i);
      if (Objects.equals(old.getRule(), e.getRule())
          && Objects.equals(old.getAction(), e.getAction())
          && Objects.equals(old.getTarget(), e.getTarget())
          && Objects.equals(old.getResult(), e.getResult())) {
        return Optional.of(old);
      }
    }
    return Optional.empty();
  }

  private static int count(DecisionEntry e) {
    return e.getCount() == null ? 1 : e.getCount();
  }

  static DecisionEntry entry(ActedDecision a) {
    var d = a.decision();
    var e = new DecisionEntry();
    e.setTime(d.at().toString());
    e.setTrigger(d.trigger());
    e.setRule(d.rule());
    e.setValues(d.values().isEmpty() ? null : d.values());
    e.setQueryValue(
        d.values().values().stream().findFirst().flatMap(DecisionLog::number).orElse(null));
    e.setCondition(d.threshold());
    e.setThreshold(threshold(d.threshold()));
    e.setAction(d.action().wireName());
    e.setTarget(d.target());
    e.setParameters(d.parameters().isEmpty() ? null : d.parameters());
    e.setDryRun(d.dryRun());
    e.setResult(a.result().wireName());
    e.setReason(a.reason());
    e.setCount(1);
    return e;
  }

  /** The number of a single comparison such as {@code >= 0.5}; null for anything else. */
  static Double threshold(String condition) {
    if (condition == null) {
      return null;
    }
    var m = SINGLE_COMPARISON.matcher(condition);
    return m.matches() ? Double.valueOf(m.group(2)) : null;
  }

  private static Optional<Double> number(String text) {
    try {
      double v = Double.parseDouble(text);
      return Double.isFinite(v) ? Optional.of(v) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
