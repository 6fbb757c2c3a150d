package dev.microscope.operator.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The chaos every worker should carry after this cycle: the actuator sends {@code faults} with a
 * lease of {@code leaseSeconds} to each of {@code targets} (renewing the lease each cycle) and
 * clears every other worker. Nothing is sent when {@code apply} is false (DryRun, Observe).
 */
public record ChaosPlan(
    double level,
    Map<Fault, Double> faultLevels,
    FaultSet faults,
    List<String> targets,
    int leaseSeconds,
    boolean apply) {
  public ChaosPlan {
    faultLevels = Map.copyOf(faultLevels);
    targets = List.copyOf(targets);
  }

  static ChaosPlan of(
      FleetPolicy policy,
      ControlMemory.ChaosMemory chaos,
      ObservedFleet observed,
      Instant now,
      boolean apply) {
    FaultSet faults = policy.chaos().faults().scaled(chaos.level(), chaos.faultLevels());
    List<String> targets =
        faults.isEmpty() ? List.of() : targets(policy.chaos().blastRadius(), observed, now);
    return new ChaosPlan(
        chaos.level(), chaos.faultLevels(), faults, targets, policy.chaos().leaseSeconds(), apply);
  }

  /**
   * The serving workers within the blast radius: a deterministic pseudo-random choice that changes
   * every window, so over time every worker takes its turn.
   */
  static List<String> targets(ChaosPolicy.BlastRadius radius, ObservedFleet observed, Instant now) {
    List<ObservedWorker> serving = observed.serving();
    long epoch = now.getEpochSecond() / Math.max(1, radius.window().toSeconds());
    return serving.stream()
        .map(ObservedWorker::id)
        .sorted(Comparator.comparingLong((String id) -> mix(id, epoch)).thenComparing(id -> id))
        .limit(radius.allowed(serving.size()))
        .sorted()
        .toList();
  }

  private static long mix(String id, long epoch) {
    long z = id.hashCode() * 0x9E3779B97F4A7C15L + epoch;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The lease as a duration, for actuators. */
  public Duration lease() {
    return Duration.ofSeconds(leaseSeconds);
  }
}
