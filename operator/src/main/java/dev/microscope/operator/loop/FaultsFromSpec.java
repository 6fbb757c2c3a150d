package dev.microscope.operator.loop;

import dev.microscope.operator.api.v1alpha1.ChaosSpec;
import dev.microscope.operator.control.FaultSet;
import java.util.Locale;

/** The spec's faults at full strength (level 1) in the control loop's terms. */
public final class FaultsFromSpec {
  private FaultsFromSpec() {}

  public static FaultSet map(ChaosSpec chaos) {
    var latency = chaos.getLatency();
    var errors = chaos.getErrors();
    var leak = chaos.getMemoryLeak();
    var cpu = chaos.getCpu();
    var crash = chaos.getCrash();
    var lies = chaos.getLies();
    var cardinality = chaos.getCardinality();
    return new FaultSet(
        latency == null
            ? null
            : new FaultSet.Latency(
                latency.getProbability(),
                latency.getDistribution().name().toLowerCase(Locale.ROOT),
                latency.getMinMs(),
                latency.getMaxMs() == null ? latency.getMinMs() : latency.getMaxMs()),
        errors == null
            ? null
            : new FaultSet.Errors(
                errors.getRate(),
                errors.getStatus(),
                errors.getBurst() == null
                    ? null
                    : new FaultSet.Burst(
                        errors.getBurst().getEverySeconds(),
                        errors.getBurst().getDurationSeconds(),
                        errors.getBurst().getRate())),
        leak == null ? null : new FaultSet.MemoryLeak(leak.getBytesPerSecond(), leak.getMaxBytes()),
        cpu == null
            ? null
            : new FaultSet.Cpu(
                cpu.getCores(),
                cpu.getDutyCycle(),
                cpu.getDurationSeconds() == null ? 0 : cpu.getDurationSeconds()),
        crash == null ? null : new FaultSet.Crash(crash.getProbabilityPerMinute()),
        lies == null
            ? null
            : new FaultSet.Lies(
                lies.isHideErrors(),
                lies.getLatencyFactor(),
                lies.isFreezeCounters(),
                lies.getTrafficFactor()),
        cardinality == null
            ? null
            : new FaultSet.Cardinality(
                cardinality.getSeriesPerSecond(), cardinality.getMaxSeries()));
  }
}
