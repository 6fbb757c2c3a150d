package dev.microscope.operator.loop;

/** Told about every finished cycle: metrics, Events, logs. */
@FunctionalInterface
public interface CycleListener {
  /**
   * @param fresh the decisions that made new log entries (a repeat of a held-back or failed
   *     decision only updates its entry)
   */
  void onCycle(CycleReport report, java.util.List<ActedDecision> fresh);
}
