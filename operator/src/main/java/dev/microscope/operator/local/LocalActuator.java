package dev.microscope.operator.local;

import dev.microscope.operator.control.Decision;
import dev.microscope.operator.loop.ActuationException;
import dev.microscope.operator.loop.Actuator;
import dev.microscope.operator.loop.WorkerHost;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Acts on worker processes: a restart stops the process and starts a fresh one on the same port, a
 * quarantine takes it out of the traffic (the supervisor starts a replacement and keeps it running
 * and scraped), a retirement stops it for good. Notifications go to the log and the live view.
 */
final class LocalActuator implements Actuator {
  private final Supervisor supervisor;
  private final Consumer<String> notices;

  LocalActuator(Supervisor supervisor, Consumer<String> notices) {
    this.supervisor = supervisor;
    this.notices = notices;
  }

  @Override
  public void replace(WorkerHost host) throws ActuationException {
    try {
      supervisor.replace(host.name());
    } catch (IOException e) {
      throw new ActuationException(
          "cannot restart process " + host.name() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void quarantine(WorkerHost host) throws ActuationException {
    try {
      supervisor.quarantine(host.name());
    } catch (IOException e) {
      throw new ActuationException(
          "cannot quarantine process " + host.name() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void retire(WorkerHost host) {
    supervisor.retire(host.name());
  }

  @Override
  public void notify(Decision decision) {
    notices.accept(
        decision.parameters().getOrDefault("message", decision.reason())
            + " ["
            + decision.rule()
            + "]");
  }
}
