package dev.microscope.operator.loop;

/**
 * The platform's view of one fleet: the Kubernetes API (pods, Deployment, Secrets) or the local
 * runtime's processes. Called once at the start of every cycle.
 */
@FunctionalInterface
public interface FleetObserver {
  /**
   * @throws RuntimeException when the platform cannot be read; the cycle is then skipped and
   *     nothing is decided
   */
  FleetSnapshot observe();
}
