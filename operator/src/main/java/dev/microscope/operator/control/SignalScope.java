package dev.microscope.operator.control;

/** Whether a signal has one value for the fleet or one value per worker. */
public enum SignalScope {
  FLEET,
  WORKER
}
