package dev.microscope.operator.kube;

import java.time.Clock;
import java.time.Duration;

/** Whether the Prometheus Operator's PodMonitor CRD exists. */
public class PodMonitorCrd extends CrdPresence {
  static final String NAME = "podmonitors.monitoring.coreos.com";

  public PodMonitorCrd(Clock clock, Duration recheck) {
    super(NAME, clock, recheck);
  }
}
