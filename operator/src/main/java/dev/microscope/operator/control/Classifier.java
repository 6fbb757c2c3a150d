package dev.microscope.operator.control;

import static dev.microscope.operator.control.BuiltinSignal.WORKER_CPU_SATURATION;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_ERROR_RATIO;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_LATENCY_P99_SECONDS;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_LEAK_BYTES_PER_SECOND;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_LIAR_SCORE;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_MEMORY_TIME_TO_LIMIT_SECONDS;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_MEMORY_USAGE_RATIO;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_RESTARTS;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_UP;

import java.util.List;

/**
 * Sorts each worker into one {@link WorkerState}, the most urgent that applies: about to OOM
 * (acting now prevents a crash), flapping, lying, slow but stable, healthy. A worker about which no
 * signal has data is unknown, never healthy.
 */
public final class Classifier {
  private static final List<BuiltinSignal> CONSIDERED =
      List.of(
          WORKER_MEMORY_TIME_TO_LIMIT_SECONDS,
          WORKER_MEMORY_USAGE_RATIO,
          WORKER_LEAK_BYTES_PER_SECOND,
          WORKER_RESTARTS,
          WORKER_UP,
          WORKER_LIAR_SCORE,
          WORKER_LATENCY_P99_SECONDS,
          WORKER_ERROR_RATIO,
          WORKER_CPU_SATURATION);

  private final ClassifierThresholds thresholds;
  private final Slo slo;

  public Classifier(ClassifierThresholds thresholds, Slo slo) {
    this.thresholds = thresholds;
    this.slo = slo;
  }

  public List<Classification> classify(Signals signals, ObservedFleet observed) {
    return observed.workers().stream().map(w -> classify(signals, w.id())).toList();
  }

  public Classification classify(Signals signals, String worker) {
    double ttl = signals.worker(WORKER_MEMORY_TIME_TO_LIMIT_SECONDS, worker).orNaN();
    double memory = signals.worker(WORKER_MEMORY_USAGE_RATIO, worker).orNaN();
    double restarts = signals.worker(WORKER_RESTARTS, worker).orNaN();
    double liar = signals.worker(WORKER_LIAR_SCORE, worker).orNaN();
    double p99 = signals.worker(WORKER_LATENCY_P99_SECONDS, worker).orNaN();
    double errors = signals.worker(WORKER_ERROR_RATIO, worker).orNaN();
    double horizon = thresholds.oomHorizon().toSeconds();

    if (ttl < horizon) {
      return verdict(
          signals,
          worker,
          WorkerState.ABOUT_TO_OOM,
          "memory reaches its limit in " + Numbers.format(ttl) + "s (< " + (long) horizon + "s)");
    }
    if (memory >= thresholds.memoryUsageRatio()) {
      return verdict(
          signals,
          worker,
          WorkerState.ABOUT_TO_OOM,
          "memory at "
              + Numbers.format(memory)
              + " of its limit (>= "
              + Numbers.format(thresholds.memoryUsageRatio())
              + ")");
    }
    if (restarts >= thresholds.flappingRestarts()) {
      return verdict(
          signals,
          worker,
          WorkerState.FLAPPING,
          Numbers.format(restarts)
              + " restarts in the last hour (>= "
              + thresholds.flappingRestarts()
              + ")");
    }
    if (liar >= thresholds.liarScore()) {
      return verdict(
          signals,
          worker,
          WorkerState.LYING,
          "liar score "
              + Numbers.format(liar)
              + " (>= "
              + Numbers.format(thresholds.liarScore())
              + ") from "
              + signals.vector(WORKER_LIAR_SCORE).detailsOf(worker));
    }
    if (errors > slo.errorBudget()) {
      return verdict(
          signals,
          worker,
          WorkerState.FAILING,
          "error ratio "
              + Numbers.format(errors)
              + " above the SLO's budget "
              + Numbers.format(slo.errorBudget()));
    }
    if (p99 > slo.latencyThresholdSeconds()) {
      return verdict(
          signals,
          worker,
          WorkerState.SLOW_BUT_STABLE,
          "p99 "
              + Numbers.format(p99)
              + "s above the SLO threshold "
              + Numbers.format(slo.latencyThresholdSeconds())
              + "s, error ratio within budget, not restarting, memory steady");
    }
    boolean anyData = CONSIDERED.stream().anyMatch(s -> signals.worker(s, worker).isValue());
    if (!anyData) {
      return verdict(signals, worker, WorkerState.UNKNOWN, "no signal has data for this worker");
    }
    return verdict(signals, worker, WorkerState.HEALTHY, "no threshold crossed");
  }

  private static Classification verdict(
      Signals signals, String worker, WorkerState state, String reason) {
    Evidence evidence = Evidence.of();
    for (BuiltinSignal s : CONSIDERED) {
      Reading r = signals.worker(s, worker);
      if (r.isValue()) {
        evidence.add(s, r);
      }
    }
    signals
        .vector(WORKER_LIAR_SCORE)
        .detailsOf(worker)
        .forEach((component, v) -> evidence.add("liar_" + component, v));
    return new Classification(worker, state, evidence.toMap(), reason);
  }
}
