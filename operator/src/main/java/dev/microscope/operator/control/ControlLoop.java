package dev.microscope.operator.control;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One lap of the control loop, as a pure function: (policy, signals, observed fleet, memory, now)
 * to (decisions, new memory, summary, chaos plan). No clock, no I/O: the same inputs give the same
 * result, so the Kubernetes reconciler and the local runtime share it, and tests replay recorded
 * signal sequences through it.
 */
public final class ControlLoop {
  private static final Set<WorkerState> UNWELL =
      EnumSet.of(
          WorkerState.ABOUT_TO_OOM, WorkerState.FLAPPING, WorkerState.LYING, WorkerState.FAILING);

  private ControlLoop() {}

  public static ControlResult decide(
      FleetPolicy policy,
      Signals signals,
      ObservedFleet observed,
      ControlMemory memory,
      Instant now) {
    return decide(Trigger.POLL, policy, signals, observed, memory, now);
  }

  public static ControlResult decide(
      Trigger trigger,
      FleetPolicy policy,
      Signals signals,
      ObservedFleet observed,
      ControlMemory memory,
      Instant now) {
    SafeModeTracker.Result health =
        SafeModeTracker.update(memory.prometheus(), signals, policy.prometheus(), now);
    List<Classification> classifications =
        new Classifier(policy.classification(), policy.slo()).classify(signals, observed);
    PolicyEngine.Result engine =
        PolicyEngine.propose(policy, signals, observed, classifications, memory, now);
    ChaosController.Step chaos =
        ChaosController.step(policy, signals, observed, memory.chaos(), now);

    ControlMemory m =
        memory
            .withPrometheus(health.health())
            .withChaos(chaos.memory())
            .withPendingSince(engine.pendingSince())
            .withMemoryKills(engine.memoryKills());
    if (!signals.pollFailed()) {
      m =
          m.withScale(
              ScaleStabilizer.record(
                  m.scale(),
                  engine.scaleRecommendation(),
                  now,
                  policy.scaling().scaleDownStabilization()));
    }

    List<ProposedAction> proposals = new ArrayList<>(health.notices());
    chaos.proposal().ifPresent(proposals::add);
    proposals.addAll(engine.proposals());
    SafetyGovernor.Review review =
        SafetyGovernor.review(policy, observed, signals, m, proposals, trigger, now);

    ControlMemory after = review.memory();
    boolean apply = policy.mode() == Mode.ENFORCE;
    ChaosPlan plan = ChaosPlan.of(policy, after.chaos(), observed, now, apply);
    boolean budgetExhausted = signals.fleet(BuiltinSignal.ERROR_BUDGET_REMAINING).orNaN() <= 0;
    boolean degraded =
        SliReport.violated(policy.slo(), signals)
            || classifications.stream().anyMatch(c -> UNWELL.contains(c.state()));
    ControlSummary summary =
        new ControlSummary(
            policy.mode(),
            policy.paused(),
            after.prometheus().safeMode(),
            after.prometheus().consecutiveFailures(),
            budgetExhausted,
            degraded,
            after.chaos().level(),
            after.chaos().toleranceScore(),
            classifications,
            SliReport.of(policy.slo(), signals));
    return new ControlResult(review.decisions(), after, summary, plan);
  }
}
