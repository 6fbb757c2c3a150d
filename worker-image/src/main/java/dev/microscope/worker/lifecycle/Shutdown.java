package dev.microscope.worker.lifecycle;

import dev.microscope.worker.logging.JsonLog;

/**
 * Graceful stop on SIGTERM or SIGINT: runs the drain steps from a shutdown hook, then ends the
 * process with status 0 (the JVM's default for a signal would be 128 + signal number). Install it
 * once start-up has succeeded; from then on the process ends through a signal or {@code
 * Runtime.halt} (a crash fault), never {@code System.exit}.
 */
public final class Shutdown {
  private Shutdown() {}

  public static void onSignal(JsonLog log, Runnable drain) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("shutting down");
                  try {
                    drain.run();
                  } catch (RuntimeException e) {
                    log.error("error while draining", e);
                  }
                  log.info("stopped");
                  Runtime.getRuntime().halt(0);
                },
                "shutdown"));
  }
}
