package dev.microscope.operator.control;

import java.util.Arrays;
import java.util.Locale;

/** The policies the operator derives from the SLO and chaos settings; names appear in decisions. */
public enum BuiltinRule {
  ABOUT_TO_OOM,
  LIAR,
  FLAPPING,
  QUARANTINE_EXPIRY,
  MEMORY_KILLS,
  SCALING,
  WORKER_BOUNDS,
  LABEL_EXPLOSION,
  FAST_BURN,
  SLOW_BURN,
  BUDGET_EXHAUSTED,
  CHAOS_ESCALATION,
  CHAOS_LEVEL,
  SAFE_MODE,
  PAUSED;

  /** The rule name in decisions, e.g. {@code about-to-oom}. */
  public String ruleName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static boolean isBuiltin(String name) {
    return Arrays.stream(values()).anyMatch(r -> r.ruleName().equals(name));
  }
}
