package dev.microscope.worker;

import dev.microscope.worker.lifecycle.FileWatcher;
import dev.microscope.worker.logging.JsonLog;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Advances every worker's chaos five times a second (leases, leaks, CPU, crashes) and polls the
 * watched files once a second. One thread for the whole process, however many workers it hosts.
 */
final class ChaosTicker implements AutoCloseable {
  private static final JsonLog LOG = JsonLog.named("chaos");

  private final VirtualWorkers workers;
  private final CrashMode crashMode;
  private final IntConsumer halt;
  private final List<FileWatcher> watchers;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("chaos-ticker").unstarted(r));

  /** {@code halt} ends the process in {@link CrashMode#EXIT} ({@code Runtime::halt} for real). */
  ChaosTicker(
      VirtualWorkers workers, CrashMode crashMode, IntConsumer halt, List<FileWatcher> watchers) {
    this.workers = workers;
    this.crashMode = crashMode;
    this.halt = halt;
    this.watchers = List.copyOf(watchers);
  }

  void start() {
    scheduler.scheduleAtFixedRate(this::guarded, 200, 200, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(this::pollFiles, 1, 1, TimeUnit.SECONDS);
  }

  private void guarded() {
    try {
      tick();
    } catch (RuntimeException e) {
      // a failed tick must not cancel the schedule (and with it every lease)
      LOG.error("chaos tick failed", e);
    }
  }

  /** One pass over every worker. */
  void tick() {
    for (VirtualWorker worker : workers.all()) {
      if (worker.tick()) {
        crash(worker);
      }
    }
  }

  private void crash(VirtualWorker worker) {
    if (crashMode == CrashMode.EXIT) {
      LOG.error(
          "crash fault: exiting", null, "worker", worker.id(), "exitCode", CrashMode.EXIT_CODE);
      halt.accept(CrashMode.EXIT_CODE);
    } else {
      LOG.warn("crash fault: virtual worker restarts", "worker", worker.id());
      worker.crash();
    }
  }

  private void pollFiles() {
    watchers.forEach(FileWatcher::poll);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
