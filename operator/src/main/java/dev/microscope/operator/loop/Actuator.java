package dev.microscope.operator.loop;

import dev.microscope.operator.control.Decision;

/**
 * What only the platform can do to worker hosts. Everything else the cycle does itself: chaos,
 * traffic and the restart of one virtual worker go through the admin APIs; the replica count, the
 * resources, the chaos level, the traffic rate and the quarantined workers are desired state that
 * the cycle writes into the fleet's status and the platform converges on (in Kubernetes the worker
 * Deployment and the ConfigMaps follow the status; locally the process supervisor does).
 */
public interface Actuator {
  /**
   * Replaces a serving host with a fresh one, gracefully (Kubernetes: deletes the pod; its
   * Deployment starts another).
   */
  void replace(WorkerHost host) throws ActuationException;

  /**
   * Takes a host out of service discovery and traffic and keeps it running for evidence; a
   * replacement starts so the fleet keeps its size.
   */
  void quarantine(WorkerHost host) throws ActuationException;

  /** Stops a quarantined host for good; its replacement runs already. */
  void retire(WorkerHost host) throws ActuationException;

  /** Tells people about a decision that asks for their attention (a notify action). */
  void notify(Decision decision) throws ActuationException;
}
