package dev.microscope.worker;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Backpressure of one worker: a bounded pool of {@code concurrency} slots with a bounded queue of
 * {@code capacity} in front. When both are full a request is refused at once instead of piling up
 * (the caller answers 429), so overload shows as drops, not as memory.
 */
public final class Admission {
  private final int concurrency;
  private final int queueCapacity;
  private final Semaphore slots;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger queued = new AtomicInteger();

  public Admission(int concurrency, int queueCapacity) {
    this.concurrency = concurrency;
    this.queueCapacity = queueCapacity;
    this.slots = new Semaphore(concurrency, true);
  }

  /**
   * Takes a slot, waiting in the queue when the pool is busy. False when the queue is full too;
   * after true the caller must {@link #exit()}.
   */
  public boolean enter() throws InterruptedException {
    // the timed form respects fairness, so a newcomer never overtakes the queue
    if (!slots.tryAcquire(0, TimeUnit.SECONDS)) {
      if (queued.incrementAndGet() > queueCapacity) {
        queued.decrementAndGet();
        return false;
      }
      try {
        slots.acquire();
      } finally {
        queued.decrementAndGet();
      }
    }
    inFlight.incrementAndGet();
    return true;
  }

  public void exit() {
    inFlight.decrementAndGet();
    slots.release();
  }

  public int inFlight() {
    return inFlight.get();
  }

  public int queued() {
    return queued.get();
  }

  public int concurrency() {
    return concurrency;
  }

  public int queueCapacity() {
    return queueCapacity;
  }

  /** (in flight + queued) / (pool + queue). */
  public double saturation() {
    return (inFlight.get() + queued.get()) / (double) (concurrency + queueCapacity);
  }
}
