package dev.microscope.chaos;

import dev.microscope.chaos.ChaosSpec.Lies;
import dev.microscope.worker.logging.JsonLog;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The chaos of one worker: its fault set under a lease, and the runtime of the faults that act on
 * their own (retained memory, CPU threads, crashes, label explosion). Requests ask it what to
 * inject; a ticker advances it. When the lease runs out every fault stops and the memory goes.
 *
 * <p>A renewal with an unchanged section keeps that fault's progress (the leak keeps its memory, a
 * CPU spike its end time, bursts their phase); a changed section starts over.
 */
public final class ChaosState {
  private static final JsonLog LOG = JsonLog.named("chaos");

  private final String workerId;
  private final InstantSource clock;
  private final Random requestRandom;
  private final Random crashRandom;
  private final RetainedMemory memory = new RetainedMemory();
  private final CpuBurner cpu = new CpuBurner();
  private final AtomicLong leaseExpirations = new AtomicLong();
  private volatile Active active;
  // guarded by this
  private long nextBombId;
  private Instant lastCrashRoll = Instant.EPOCH;

  /** The current fault set and when each of its progressing parts started. */
  private record Active(
      ChaosSpec spec,
      Instant expiresAt,
      Instant errorsSince,
      Instant leakSince,
      long leakBase,
      Instant cpuSince,
      Instant bombSince,
      long bombBase) {}

  /** What an admin {@code GET} shows. */
  public record View(ChaosSpec spec, Instant expiresAt, double leaseRemainingSeconds) {}

  /** {@code seed} is the process seed; a spec's own seed replaces it while that spec holds. */
  public ChaosState(String workerId, InstantSource clock, long seed) {
    this.workerId = workerId;
    this.clock = clock;
    this.requestRandom = Seeds.random(seed, workerId, "chaos");
    this.crashRandom = Seeds.random(seed, workerId, "crash");
  }

  /** Replaces the fault set and renews the lease; true when the fault set differs from before. */
  public synchronized boolean apply(ChaosSpec spec) {
    Instant now = clock.instant();
    expireIfDue(now);
    Active old = active;
    if (spec.seed() != null && !unchanged(old, spec, ChaosSpec::seed)) {
      requestRandom.setSeed(Seeds.derive(spec.seed(), workerId, "chaos"));
      crashRandom.setSeed(Seeds.derive(spec.seed(), workerId, "crash"));
    }
    boolean sameErrors = unchanged(old, spec, ChaosSpec::errors);
    boolean sameLeak = unchanged(old, spec, ChaosSpec::memoryLeak);
    boolean sameCpu = unchanged(old, spec, ChaosSpec::cpu);
    boolean sameBombs = unchanged(old, spec, ChaosSpec::cardinality);
    if (!sameLeak) {
      // a changed leak keeps what it holds (up to its new cap) and grows on from there
      if (spec.memoryLeak() == null) {
        memory.release();
      } else {
        memory.shrinkTo(spec.memoryLeak().maxBytes());
      }
    }
    if (!sameCpu) {
      cpu.stop();
    }
    if (!sameBombs) {
      retireBombs(old, now);
    }
    if (!unchanged(old, spec, ChaosSpec::crash)) {
      lastCrashRoll = now;
    }
    active =
        new Active(
            spec,
            now.plusSeconds(spec.leaseSeconds()),
            sameErrors ? old.errorsSince() : now,
            sameLeak ? old.leakSince() : now,
            sameLeak ? old.leakBase() : memory.bytes(),
            sameCpu ? old.cpuSince() : now,
            sameBombs ? old.bombSince() : now,
            sameBombs ? old.bombBase() : nextBombId);
    advance(now);
    return old == null || !spec.equals(old.spec());
  }

  private static boolean unchanged(Active old, ChaosSpec spec, Function<ChaosSpec, ?> section) {
    return old != null && Objects.equals(section.apply(old.spec()), section.apply(spec));
  }

  /** Every fault off, memory released (an admin {@code DELETE}). */
  public synchronized void clear() {
    stopAll(clock.instant());
  }

  /** As after a process start: faults off, lease expiry count back to zero. */
  public synchronized void reset() {
    stopAll(clock.instant());
    leaseExpirations.set(0);
  }

  /** Advances the faults to now. Returns true when the crash fault fires. */
  public synchronized boolean tick() {
    Instant now = clock.instant();
    if (expireIfDue(now)) {
      return false;
    }
    Active a = active;
    if (a == null) {
      return false;
    }
    advance(now);
    return rollCrash(a.spec(), now);
  }

  /** What chaos does to the request arriving now. */
  public Injection onRequest() {
    Active a = active;
    if (a == null) {
      return Injection.NONE;
    }
    Instant now = clock.instant();
    if (!now.isBefore(a.expiresAt())) {
      return Injection.NONE;
    }
    ChaosSpec spec = a.spec();
    double delayMs = 0;
    if (spec.requests(Fault.LATENCY) && requestRandom.nextDouble() < spec.latency().probability()) {
      delayMs = spec.latency().drawMs(requestRandom);
    }
    int status = 0;
    if (spec.errors() != null) {
      double rate = spec.errors().rateAt(Duration.between(a.errorsSince(), now).toMillis());
      if (rate > 0 && requestRandom.nextDouble() < rate) {
        status = spec.errors().status();
      }
    }
    Lies lies = spec.lies() == null ? Lies.NONE : spec.lies();
    if (delayMs == 0 && status == 0 && lies == Lies.NONE) {
      return Injection.NONE;
    }
    return new Injection((long) (delayMs * 1_000_000), status, lies);
  }

  /** The lies the worker's metrics tell now. */
  public Lies lies() {
    Active a = live();
    return a == null || a.spec().lies() == null ? Lies.NONE : a.spec().lies();
  }

  public boolean isActive(Fault fault) {
    Active a = live();
    if (a == null) {
      return false;
    }
    return fault == Fault.CPU ? cpu.isRunning() : a.spec().requests(fault);
  }

  /** The intensity the operator reported with the fault set, 0 without one. */
  public double level() {
    Active a = live();
    return a == null || a.spec().level() == null ? 0 : a.spec().level();
  }

  public double leaseRemainingSeconds() {
    Active a = active;
    return a == null ? 0 : remainingSeconds(a, clock.instant());
  }

  public long leaseExpirations() {
    return leaseExpirations.get();
  }

  public long leakedBytes() {
    return memory.bytes();
  }

  /** First {@code bomb_id} of the current label explosion. */
  public long bombBase() {
    Active a = active;
    return a == null ? 0 : a.bombBase();
  }

  /** How many {@code bomb_id} values the label explosion has reached by now. */
  public long bombSeries() {
    Active a = live();
    return a == null ? 0 : bombSeries(a, clock.instant());
  }

  public Optional<View> view() {
    return view(clock.instant());
  }

  private Optional<View> view(Instant now) {
    Active a = active;
    if (a == null || !now.isBefore(a.expiresAt())) {
      return Optional.empty();
    }
    return Optional.of(new View(a.spec(), a.expiresAt(), remainingSeconds(a, now)));
  }

  private Active live() {
    Active a = active;
    return a == null || !clock.instant().isBefore(a.expiresAt()) ? null : a;
  }

  private void advance(Instant now) {
    Active a = active;
    ChaosSpec spec = a.spec();
    if (spec.memoryLeak() != null) {
      double seconds = Duration.between(a.leakSince(), now).toNanos() / 1e9;
      long target =
          (long)
              Math.min(
                  spec.memoryLeak().maxBytes(),
                  a.leakBase() + spec.memoryLeak().bytesPerSecond() * seconds);
      memory.growTo(target);
    }
    boolean cpuWanted =
        spec.cpu() != null
            && (spec.cpu().durationSeconds() == null
                || now.isBefore(a.cpuSince().plusSeconds(spec.cpu().durationSeconds())));
    if (cpuWanted && !cpu.isRunning()) {
      cpu.start("chaos-cpu-" + workerId, spec.cpu().cores(), spec.cpu().dutyCycle());
    } else if (!cpuWanted && cpu.isRunning()) {
      cpu.stop();
    }
  }

  private boolean rollCrash(ChaosSpec spec, Instant now) {
    if (!spec.requests(Fault.CRASH)) {
      return false;
    }
    double seconds = Duration.between(lastCrashRoll, now).toNanos() / 1e9;
    lastCrashRoll = now;
    if (seconds <= 0) {
      return false;
    }
    double chance = 1 - Math.pow(1 - spec.crash().probabilityPerMinute(), seconds / 60);
    return crashRandom.nextDouble() < chance;
  }

  private boolean expireIfDue(Instant now) {
    Active a = active;
    if (a == null || now.isBefore(a.expiresAt())) {
      return false;
    }
    stopAll(now);
    leaseExpirations.incrementAndGet();
    LOG.info("chaos lease expired, every fault off", "worker", workerId);
    return true;
  }

  private void stopAll(Instant now) {
    retireBombs(active, now);
    active = null;
    cpu.stop();
    memory.release();
  }

  /** Later explosions use new ids, so each one really adds series. */
  private void retireBombs(Active old, Instant now) {
    if (old != null && old.spec().cardinality() != null) {
      nextBombId = old.bombBase() + bombSeries(old, now);
    }
  }

  private static long bombSeries(Active a, Instant now) {
    ChaosSpec.Cardinality c = a.spec().cardinality();
    if (c == null) {
      return 0;
    }
    double seconds = Duration.between(a.bombSince(), now).toNanos() / 1e9;
    return (long) Math.min(c.maxSeries(), Math.floor(c.seriesPerSecond() * seconds));
  }

  private static double remainingSeconds(Active a, Instant now) {
    return Math.max(0, Duration.between(now, a.expiresAt()).toMillis() / 1000.0);
  }
}
