package dev.microscope.chaos;

/** A worker as the chaos admin API sees it. */
public interface ChaosTarget {
  String id();

  ChaosState chaos();

  /** Restart in place: faults cleared, leaked memory freed, counters restarted. */
  void restart();
}
