package dev.microscope.chaos;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Burns CPU: {@code ceil(cores)} platform threads, each busy for its share of every 100 ms period
 * and parked for the rest. Platform threads, because a spinning virtual thread would hold one of
 * the few carrier threads the request handlers run on.
 */
final class CpuBurner {
  private static final long PERIOD_NANOS = 100_000_000L;

  // one flag per start, so threads of an earlier start never see a later one's "go on"
  private AtomicBoolean stopped;

  // written by the burn loops so the work cannot be optimised away
  @SuppressWarnings("unused")
  private volatile double sink;

  synchronized boolean isRunning() {
    return stopped != null && !stopped.get();
  }

  synchronized void start(String name, double cores, double dutyCycle) {
    stop();
    AtomicBoolean flag = new AtomicBoolean();
    stopped = flag;
    int count = (int) Math.ceil(cores);
    for (int i = 0; i < count; i++) {
      long busyNanos = (long) (Math.min(1.0, cores - i) * dutyCycle * PERIOD_NANOS);
      Thread thread =
          Thread.ofPlatform().daemon().name(name + "-" + i).unstarted(() -> burn(busyNanos, flag));
      thread.start();
    }
  }

  synchronized void stop() {
    if (stopped != null) {
      stopped.set(true);
      stopped = null;
    }
  }

  private void burn(long busyNanos, AtomicBoolean flag) {
    double x = 1.0001;
    while (!flag.get()) {
      long periodStart = System.nanoTime();
      while (System.nanoTime() - periodStart < busyNanos) {
        for (int i = 0; i < 1000; i++) {
          x = x * 1.0000001 + 1e-9;
        }
      }
      sink = x;
      long rest = PERIOD_NANOS - (System.nanoTime() - periodStart);
      if (rest > 0) {
        LockSupport.parkNanos(rest);
      }
    }
  }
}
