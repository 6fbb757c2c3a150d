package dev.microscope.operator.control;

/** How far the operator acts on its decisions. */
public enum Mode {
  /** Decisions are applied. */
  ENFORCE,
  /** Decisions are computed and recorded exactly as in Enforce, and nothing is applied. */
  DRY_RUN,
  /** Signals and classifications only: no decisions, no chaos. */
  OBSERVE
}
