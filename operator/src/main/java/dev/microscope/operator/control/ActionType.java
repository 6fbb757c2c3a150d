package dev.microscope.operator.control;

import java.util.Locale;

/** What the operator can do to a fleet. */
public enum ActionType {
  /** Parameters: {@code replicas} (absolute) or {@code by} (relative), kept within min and max. */
  SCALE,
  /** Graceful restart of one worker (in Kubernetes: its pod is deleted and replaced). */
  RESTART_WORKER,
  /** Take one worker out of traffic, keep it for evidence; it is replaced later. */
  QUARANTINE_WORKER,
  /** Parameters: {@code level} (0..1), optionally {@code fault} to set one fault's level. */
  SET_CHAOS,
  /** Every fault off at once. */
  ABORT_CHAOS,
  /** Parameters: {@code rate} (requests per second over all workers). */
  SET_TRAFFIC_RATE,
  /** Parameters: {@code memoryLimitBytes}. */
  SET_RESOURCES,
  /** Parameters: {@code message}. */
  NOTIFY;

  /** The {@code action} label of {@code microscope_decisions_total}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code restart_worker}, {@code restartWorker} or {@code RESTART_WORKER}. */
  public static ActionType parse(String text) {
    String normalized = text.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    try {
      return valueOf(normalized);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown action '" + text + "'", e);
    }
  }

  /** Actions that take a worker out of service; they count against the blast radius. */
  public boolean disruptive() {
    return this == RESTART_WORKER || this == QUARANTINE_WORKER;
  }

  /** Actions that reduce harm and are never held back by budgets, pause or blindness. */
  public boolean alwaysAllowed() {
    return this == ABORT_CHAOS || this == NOTIFY;
  }
}
