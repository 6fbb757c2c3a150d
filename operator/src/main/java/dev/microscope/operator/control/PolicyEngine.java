package dev.microscope.operator.control;

import static dev.microscope.operator.control.BuiltinSignal.WORKER_LEAK_BYTES_PER_SECOND;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_LIAR_SCORE;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_MEMORY_TIME_TO_LIMIT_SECONDS;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_MEMORY_USAGE_RATIO;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_RESTARTS;
import static dev.microscope.operator.control.BuiltinSignal.WORKER_TARGET_SERIES;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns signals and classifications into proposed actions: the built-in policies derived from the
 * SLO and safety settings, then the user's rules. It proposes; the {@link SafetyGovernor} disposes.
 *
 * <ul>
 *   <li>about to OOM: restart the worker before the kernel kills it
 *   <li>lying or flapping: quarantine the worker (out of traffic, kept for evidence)
 *   <li>quarantined longer than the retention: replace it (restart)
 *   <li>repeated memory kills: raise the memory limit
 *   <li>scaling: see {@link ScalingAdvisor}
 *   <li>a scrape target with more series than allowed: notify
 * </ul>
 */
public final class PolicyEngine {
  /** What the engine proposes, and the memory it updates along the way. */
  public record Result(
      List<ProposedAction> proposals,
      Map<String, Instant> pendingSince,
      ControlMemory.MemoryKills memoryKills,
      int scaleRecommendation) {}

  private PolicyEngine() {}

  public static Result propose(
      FleetPolicy policy,
      Signals signals,
      ObservedFleet observed,
      List<Classification> classifications,
      ControlMemory memory,
      Instant now) {
    List<ProposedAction> proposals = new ArrayList<>();
    for (Classification c : classifications) {
      Optional<ObservedWorker> worker = observed.worker(c.worker());
      if (worker.isEmpty() || worker.get().quarantined()) {
        continue;
      }
      workerPolicy(policy, signals, c).ifPresent(proposals::add);
    }
    proposals.addAll(quarantineExpiry(policy, observed, memory, now));
    MemoryKillTracker.Result kills = MemoryKillTracker.track(policy, observed, memory, now);
    kills.proposal().ifPresent(proposals::add);
    ScalingAdvisor.Advice scaling = ScalingAdvisor.advise(policy, signals, observed);
    scaling.proposal().ifPresent(proposals::add);
    proposals.addAll(labelExplosions(policy, signals, observed));
    UserRuleEvaluator.Result rules =
        UserRuleEvaluator.evaluate(policy.rules(), signals, observed, memory.pendingSince(), now);
    proposals.addAll(rules.proposals());
    return new Result(proposals, rules.pendingSince(), kills.kills(), scaling.recommendation());
  }

  private static Optional<ProposedAction> workerPolicy(
      FleetPolicy policy, Signals signals, Classification c) {
    ClassifierThresholds t = policy.classification();
    String w = c.worker();
    return switch (c.state()) {
      case ABOUT_TO_OOM ->
          Optional.of(
              new ProposedAction(
                  Action.restart(w),
                  BuiltinRule.ABOUT_TO_OOM.ruleName(),
                  Evidence.of()
                      .add(
                          WORKER_MEMORY_TIME_TO_LIMIT_SECONDS,
                          signals.worker(WORKER_MEMORY_TIME_TO_LIMIT_SECONDS, w))
                      .add(WORKER_MEMORY_USAGE_RATIO, signals.worker(WORKER_MEMORY_USAGE_RATIO, w))
                      .add(
                          WORKER_LEAK_BYTES_PER_SECOND,
                          signals.worker(WORKER_LEAK_BYTES_PER_SECOND, w))
                      .toMap(),
                  "time to limit < "
                      + t.oomHorizon().toSeconds()
                      + "s or usage >= "
                      + Numbers.format(t.memoryUsageRatio()),
                  c.reason()));
      case LYING ->
          Optional.of(
              new ProposedAction(
                  Action.quarantine(w),
                  BuiltinRule.LIAR.ruleName(),
                  Evidence.of()
                      .add(WORKER_LIAR_SCORE, signals.worker(WORKER_LIAR_SCORE, w))
                      .addAll(prefixed(signals.vector(WORKER_LIAR_SCORE).detailsOf(w)))
                      .toMap(),
                  ">= " + Numbers.format(t.liarScore()),
                  c.reason()));
      case FLAPPING ->
          Optional.of(
              new ProposedAction(
                  Action.quarantine(w),
                  BuiltinRule.FLAPPING.ruleName(),
                  Evidence.of().add(WORKER_RESTARTS, signals.worker(WORKER_RESTARTS, w)).toMap(),
                  ">= " + t.flappingRestarts() + " restarts/h",
                  c.reason()));
      case HEALTHY, SLOW_BUT_STABLE, FAILING, UNKNOWN -> Optional.empty();
    };
  }

  private static Map<String, String> prefixed(Map<String, Double> details) {
    Evidence e = Evidence.of();
    details.forEach((k, v) -> e.add("liar_" + k, v));
    return e.toMap();
  }

  private static List<ProposedAction> quarantineExpiry(
      FleetPolicy policy, ObservedFleet observed, ControlMemory memory, Instant now) {
    Duration retention = policy.safety().quarantineRetention();
    List<ProposedAction> out = new ArrayList<>();
    for (ObservedWorker w : observed.workers()) {
      if (!w.quarantined()) {
        continue;
      }
      memory
          .last(a -> a.action() == ActionType.QUARANTINE_WORKER && a.target().equals(w.id()))
          .filter(q -> !q.at().plus(retention).isAfter(now))
          .ifPresent(
              q ->
                  out.add(
                      new ProposedAction(
                          Action.restart(w.id()),
                          BuiltinRule.QUARANTINE_EXPIRY.ruleName(),
                          Evidence.of()
                              .add("quarantined_seconds", Duration.between(q.at(), now).toSeconds())
                              .toMap(),
                          ">= " + retention.toSeconds() + "s",
                          "quarantined since " + q.at() + ", retention over: replace it")));
    }
    return out;
  }

  private static List<ProposedAction> labelExplosions(
      FleetPolicy policy, Signals signals, ObservedFleet observed) {
    long max = policy.classification().maxSeriesPerTarget();
    List<ProposedAction> out = new ArrayList<>();
    for (ObservedWorker w : observed.workers()) {
      Reading series = signals.worker(WORKER_TARGET_SERIES, w.id());
      if (series.orNaN() > max) {
        out.add(
            new ProposedAction(
                new Action(
                    ActionType.NOTIFY,
                    w.id(),
                    Map.of(
                        "message",
                        "scrape target of worker "
                            + w.id()
                            + " exposes "
                            + series.describe()
                            + " series (max "
                            + max
                            + ")")),
                BuiltinRule.LABEL_EXPLOSION.ruleName(),
                Evidence.of().add(WORKER_TARGET_SERIES, series).toMap(),
                "> " + max,
                "series count above classification.maxSeriesPerTarget"));
      }
    }
    return out;
  }
}
