package dev.microscope.operator.control;

/** What the classifier makes of one worker. */
public enum WorkerState {
  HEALTHY,
  /** Slower than the latency SLO threshold, but not failing, not restarting, memory steady. */
  SLOW_BUT_STABLE,
  /** Predicted to reach its memory limit within the horizon, or already close to it. */
  ABOUT_TO_OOM,
  /** Its own metrics disagree with what its clients saw, or are impossible. */
  LYING,
  /** Restarting again and again. */
  FLAPPING,
  /** Its own error ratio is above the availability SLO's budget (chaos or a real fault). */
  FAILING,
  /** No signal about it has data. */
  UNKNOWN
}
