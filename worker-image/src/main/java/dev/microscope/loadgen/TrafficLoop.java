package dev.microscope.loadgen;

import dev.microscope.worker.Endpoint;
import dev.microscope.worker.logging.JsonLog;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Paces the traffic: every 10 ms it works out how many requests are due at the current rate
 * (keeping the fraction for the next round), and hands each to the next worker in turn with an
 * endpoint drawn from the mix.
 */
final class TrafficLoop implements AutoCloseable {
  private static final JsonLog LOG = JsonLog.named("traffic");
  private static final Duration STEP = Duration.ofMillis(10);

  private final TargetDirectory directory;
  private final Supplier<TrafficSettings> settings;
  private final RequestSender sender;
  private final ClientMetrics metrics;
  private final InstantSource clock;
  private final Random random;
  private final Instant started;
  private volatile boolean running = true;
  private Thread thread;

  // state of the pacing thread only
  private double carry;
  private Instant last;
  private long turn;
  private List<TargetWorker> seenWorkers;
  private Set<String> seenExclude;
  private List<TargetWorker> eligible = List.of();

  TrafficLoop(
      TargetDirectory directory,
      Supplier<TrafficSettings> settings,
      RequestSender sender,
      ClientMetrics metrics,
      InstantSource clock,
      Random random) {
    this.directory = directory;
    this.settings = settings;
    this.sender = sender;
    this.metrics = metrics;
    this.clock = clock;
    this.random = random;
    this.started = clock.instant();
    this.last = started;
  }

  void start() {
    thread = Thread.ofVirtual().name("traffic").start(this::run);
  }

  private void run() {
    while (running) {
      try {
        step();
        Thread.sleep(STEP);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.error("traffic step failed", e);
      }
    }
  }

  /** Sends what is due since the last step. */
  void step() {
    Instant now = clock.instant();
    double dt = Math.max(0, Duration.between(last, now).toNanos() / 1e9);
    last = now;
    TrafficSettings current = settings.get();
    double rate = current.rateAt(Duration.between(started, now).toNanos() / 1e9);
    List<TargetWorker> targets = current.enabled() ? eligible(current.exclude()) : List.of();
    metrics.targeting(rate, targets, now);
    if (targets.isEmpty() || rate <= 0) {
      carry = 0;
      return;
    }
    // after a stall, catch up at most half a second's worth instead of a sudden flood
    double due = Math.min(carry + rate * dt, rate * 0.5 + 1);
    long count = (long) due;
    carry = due - count;
    for (long i = 0; i < count; i++) {
      TargetWorker target = targets.get((int) Math.floorMod(turn++, (long) targets.size()));
      Endpoint endpoint = current.mix().pick(random);
      sender.send(target, endpoint);
    }
  }

  private List<TargetWorker> eligible(Set<String> exclude) {
    List<TargetWorker> all = directory.workers();
    if (all != seenWorkers || !exclude.equals(seenExclude)) {
      seenWorkers = all;
      seenExclude = exclude;
      eligible = all.stream().filter(t -> !exclude.contains(t.workerId())).toList();
    }
    return eligible;
  }

  @Override
  public void close() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }
}
