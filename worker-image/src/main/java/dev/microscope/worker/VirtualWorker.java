package dev.microscope.worker;

import dev.microscope.chaos.ChaosSpec;
import dev.microscope.chaos.ChaosSpec.Lies;
import dev.microscope.chaos.ChaosState;
import dev.microscope.chaos.ChaosTarget;
import dev.microscope.chaos.Injection;
import dev.microscope.chaos.Seeds;
import dev.microscope.worker.metrics.TextExposition;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * One simulated service: its identity, its own backpressure, chaos, random stream and counters.
 * Many of them share a process without seeing each other.
 */
public final class VirtualWorker implements ChaosTarget {
  /** How long a worker stays down after a crash before it is back. */
  static final Duration CRASH_DOWNTIME = Duration.ofSeconds(1);

  private final String id;
  private final String labels;
  private final Profiles profiles;
  private final Admission admission;
  private final ChaosState chaos;
  private final InstantSource clock;
  private final Random random;
  private final Supplier<Optional<ChaosSpec>> initialChaos;
  private volatile WorkerMetrics metrics = new WorkerMetrics();
  private volatile Instant startedAt;
  private volatile Instant downUntil = Instant.EPOCH;

  public VirtualWorker(
      String id,
      String fleet,
      Profiles profiles,
      Admission admission,
      InstantSource clock,
      long seed,
      Supplier<Optional<ChaosSpec>> initialChaos) {
    this.id = id;
    this.labels = TextExposition.label("fleet", fleet) + "," + TextExposition.label("worker", id);
    this.profiles = profiles;
    this.admission = admission;
    this.clock = clock;
    this.chaos = new ChaosState(id, clock, seed);
    this.random = Seeds.random(seed, id, "profile");
    this.initialChaos = initialChaos;
    this.startedAt = clock.instant();
    initialChaos.get().ifPresent(chaos::apply);
  }

  @Override
  public String id() {
    return id;
  }

  /** {@code fleet="..",worker=".."}, pre-rendered for the exposition. */
  public String labels() {
    return labels;
  }

  @Override
  public ChaosState chaos() {
    return chaos;
  }

  public Admission admission() {
    return admission;
  }

  public WorkerMetrics metrics() {
    return metrics;
  }

  public Instant startedAt() {
    return startedAt;
  }

  /** Down for a moment after a crash; requests then fail without being counted. */
  public boolean isDown() {
    return clock.instant().isBefore(downUntil);
  }

  /** Decides how the request arriving now is served: profile first, chaos on top. */
  public RequestPlan plan(Endpoint endpoint) {
    Injection injection = chaos.onRequest();
    EndpointProfile profile = profiles.of(endpoint);
    double profileMs = profile.minMs() + random.nextDouble() * (profile.maxMs() - profile.minMs());
    long delay = (long) (profileMs * profiles.timeScale() * 1_000_000) + injection.delayNanos();
    if (injection.errorStatus() != 0) {
      return new RequestPlan(delay, injection.errorStatus(), ErrorReason.CHAOS, injection.lies());
    }
    if (profile.errorRate() > 0 && random.nextDouble() < profile.errorRate()) {
      return new RequestPlan(delay, 500, ErrorReason.PROFILE, injection.lies());
    }
    return new RequestPlan(delay, 200, null, injection.lies());
  }

  /** Counts an answered request, as the current lies want it reported. */
  public void record(Endpoint endpoint, int status, ErrorReason reason, long nanos, Lies lies) {
    metrics.record(endpoint, status, reason, nanos, lies, random);
  }

  /** Counts a request answered without a plan (bad input, refusals), under the current lies. */
  public void record(Endpoint endpoint, int status, long nanos) {
    metrics.record(endpoint, status, null, nanos, chaos.lies(), random);
  }

  /** Advances chaos; true when the crash fault fires (never while already down). */
  public boolean tick() {
    return chaos.tick() && !isDown();
  }

  @Override
  public void restart() {
    chaos.reset();
    metrics = new WorkerMetrics();
    startedAt = clock.instant();
  }

  /**
   * A crash of a virtual worker: down for {@link #CRASH_DOWNTIME}, then back as after a process
   * start (new counters, and the initial chaos of {@code --chaos-file} if there is one).
   */
  public void crash() {
    Instant back = clock.instant().plus(CRASH_DOWNTIME);
    downUntil = back;
    chaos.reset();
    metrics = new WorkerMetrics();
    startedAt = back;
    initialChaos.get().ifPresent(chaos::apply);
  }
}
