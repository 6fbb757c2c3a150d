package dev.microscope.operator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When the operator process stops, and with which exit code. SIGTERM or a lost leader election
 * Lease ends {@link #awaitStopRequest()}; the main thread then stops the operator while the
 * shutdown hook waits for it. Nothing here calls System.exit: called from inside a shutdown hook
 * (which is where java-operator-sdk's exit-on-stopped-leading landed on SIGTERM), it blocks the JVM
 * until the kubelet kills it.
 */
final class Lifetime {
  private static final Logger LOG = LoggerFactory.getLogger(Lifetime.class);
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(25);

  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean leaseLost = new AtomicBoolean();

  /** On SIGTERM: ask the main thread to stop, and let the JVM exit once it has. */
  void stopOnShutdown() {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopRequested.countDown();
                  try {
                    stopped.await(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                },
                "microscope-shutdown"));
  }

  /**
   * Leader election ended. While running, that means another replica may act now: this one stops
   * and exits with 1, so Kubernetes restarts it as a follower. During a stop it is only the
   * operator letting go of the Lease.
   */
  void leaderElectionEnded() {
    if (stopRequested.getCount() > 0) {
      leaseLost.set(true);
      LOG.error("lost the leader election Lease; stopping so that another replica leads");
      stopRequested.countDown();
    }
  }

  void awaitStopRequest() throws InterruptedException {
    stopRequested.await();
  }

  /** The operator has stopped; the shutdown hook may let the JVM exit. */
  void stopped() {
    stopped.countDown();
  }

  int exitCode() {
    return leaseLost.get() ? 1 : 0;
  }
}
