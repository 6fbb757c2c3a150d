package dev.microscope.operator.control;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Fault parameters in the shape of the worker's chaos admin API; a {@code null} section is off.
 * {@link #scaled} turns base parameters into what a worker receives at a chaos level: intensities
 * (probabilities, rates, leak speed, CPU duty cycle, series per second) are multiplied by the
 * level, lie factors move from 1 (honest) toward their base value, shapes (distributions, limits,
 * durations, status codes) stay as they are, and a fault at level 0 is off.
 */
public record FaultSet(
    Latency latency,
    Errors errors,
    MemoryLeak memoryLeak,
    Cpu cpu,
    Crash crash,
    Lies lies,
    Cardinality cardinality) {

  public static FaultSet none() {
    return new FaultSet(null, null, null, null, null, null, null);
  }

  public Set<Fault> present() {
    Set<Fault> faults = EnumSet.noneOf(Fault.class);
    if (latency != null) faults.add(Fault.LATENCY);
    if (errors != null) faults.add(Fault.ERRORS);
    if (memoryLeak != null) faults.add(Fault.MEMORY_LEAK);
    if (cpu != null) faults.add(Fault.CPU);
    if (crash != null) faults.add(Fault.CRASH);
    if (lies != null) faults.add(Fault.LIES);
    if (cardinality != null) faults.add(Fault.CARDINALITY);
    return faults;
  }

  public boolean isEmpty() {
    return present().isEmpty();
  }

  /** These parameters at {@code level} for every fault, or at the fault's own level if given. */
  public FaultSet scaled(double level, Map<Fault, Double> faultLevels) {
    return new FaultSet(
        latency == null ? null : latency.scaled(at(Fault.LATENCY, level, faultLevels)),
        errors == null ? null : errors.scaled(at(Fault.ERRORS, level, faultLevels)),
        memoryLeak == null ? null : memoryLeak.scaled(at(Fault.MEMORY_LEAK, level, faultLevels)),
        cpu == null ? null : cpu.scaled(at(Fault.CPU, level, faultLevels)),
        crash == null ? null : crash.scaled(at(Fault.CRASH, level, faultLevels)),
        lies == null ? null : lies.scaled(at(Fault.LIES, level, faultLevels)),
        cardinality == null ? null : cardinality.scaled(at(Fault.CARDINALITY, level, faultLevels)));
  }

  private static double at(Fault fault, double level, Map<Fault, Double> faultLevels) {
    return faultLevels.getOrDefault(fault, level);
  }

  public record Latency(double probability, String distribution, int minMs, int maxMs) {
    public Latency {
      Checks.between(probability, 0, 1, "chaos.faults.latency.probability");
      Checks.atLeast(minMs, 0, "chaos.faults.latency.minMs");
      Checks.atLeast(maxMs, minMs, "chaos.faults.latency.maxMs");
    }

    Latency scaled(double level) {
      return level <= 0 ? null : new Latency(probability * level, distribution, minMs, maxMs);
    }
  }

  public record Errors(double rate, int status, Burst burst) {
    public Errors {
      Checks.between(rate, 0, 1, "chaos.faults.errors.rate");
    }

    Errors scaled(double level) {
      return level <= 0
          ? null
          : new Errors(rate * level, status, burst == null ? null : burst.scaled(level));
    }
  }

  public record Burst(int everySeconds, int durationSeconds, double rate) {
    public Burst {
      Checks.between(rate, 0, 1, "chaos.faults.errors.burst.rate");
    }

    Burst scaled(double level) {
      return new Burst(everySeconds, durationSeconds, rate * level);
    }
  }

  public record MemoryLeak(long bytesPerSecond, long maxBytes) {
    public MemoryLeak {
      Checks.atLeast(bytesPerSecond, 0, "chaos.faults.memoryLeak.bytesPerSecond");
    }

    MemoryLeak scaled(double level) {
      return level <= 0 ? null : new MemoryLeak(Math.round(bytesPerSecond * level), maxBytes);
    }
  }

  public record Cpu(double cores, double dutyCycle, int durationSeconds) {
    public Cpu {
      Checks.between(dutyCycle, 0, 1, "chaos.faults.cpu.dutyCycle");
    }

    Cpu scaled(double level) {
      return level <= 0 ? null : new Cpu(cores, dutyCycle * level, durationSeconds);
    }
  }

  public record Crash(double probabilityPerMinute) {
    public Crash {
      Checks.between(probabilityPerMinute, 0, 1, "chaos.faults.crash.probabilityPerMinute");
    }

    Crash scaled(double level) {
      return level <= 0 ? null : new Crash(probabilityPerMinute * level);
    }
  }

  public record Lies(
      boolean hideErrors, double latencyFactor, boolean freezeCounters, double trafficFactor) {
    Lies scaled(double level) {
      return level <= 0
          ? null
          : new Lies(
              hideErrors,
              1 + (latencyFactor - 1) * level,
              freezeCounters,
              1 + (trafficFactor - 1) * level);
    }
  }

  public record Cardinality(int seriesPerSecond, int maxSeries) {
    Cardinality scaled(double level) {
      return level <= 0
          ? null
          : new Cardinality((int) Math.max(1, Math.round(seriesPerSecond * level)), maxSeries);
    }
  }
}
