package dev.microscope.operator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.operator.api.v1alpha1.DecisionEntry;
import dev.microscope.operator.control.BuiltinSignal;
import dev.microscope.operator.control.ScalingPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 7: latency SLO pressure under load scales the fleet out within its bounds; when the load
 * falls the fleet scales back in, but only once the scale-down stabilization window allows it.
 */
class LatencyPressureScenarioIT {
  private static final Duration STABILIZATION = Duration.ofSeconds(20);

  @TempDir Path dir;

  @Test
  void latencyUnderLoadScalesOutAndTheFleetScalesInOnlyAfterStabilization() throws Exception {
    try (var s = Scenario.start(Scenario.options(Scenario.fleet("latency"), dir.resolve("run")))) {
      s.awaitHealthy();
      await("CPU load and latency on a worker")
          .atMost(Scenario.WAIT)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  s.serving().stream()
                      .anyMatch(
                          h ->
                              s.chaos(h).map(c -> c.has("cpu") && c.has("latency")).orElse(false)));
      var onset = Instant.now();

      var out = awaitScale(s, replicas -> replicas > 2, "a scale-out");
      assertThat(out.getReason()).contains("mean CPU saturation");

      await("the fleet at most at workers.max")
          .atMost(Scenario.WAIT)
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(
              () -> assertThat(s.serving()).as(s.decisionSummary()).hasSizeBetween(3, 4));

      // every worker burns for its first 45 s: the load is gone once no worker burns any more
      await("the load gone")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> cpuBurning(s) == 0);
      var loadGone = Instant.now();

      await("a scale-in held back by the stabilization")
          .atMost(Scenario.WAIT)
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  s.runtime().status().getDecisions().stream()
                      .anyMatch(
                          d ->
                              "scale".equals(d.getAction())
                                  && "blocked".equals(d.getResult())
                                  && d.getReason().contains("scale-down stabilization")));
      var in = awaitScale(s, replicas -> replicas == 2, "the scale-in to workers.min");
      var inAt = Instant.now();
      assertThat(Duration.between(loadGone, inAt))
          .as("load gone -> scale-in, against a stabilization of %s", STABILIZATION)
          .isGreaterThanOrEqualTo(STABILIZATION.minus(Duration.ofSeconds(3)));
      assertThat(in.getResult()).isEqualTo("applied");
      assertThat(s.runtime().hosts())
          .as("honest workers, slow on purpose, are not liars: %s", s.decisionSummary())
          .noneMatch(dev.microscope.operator.loop.WorkerHost::quarantined);

      var policy = s.policy();
      double target = policy.scaling().targetSaturation();
      double tolerance = ScalingPolicy.TOLERANCE;
      String mean =
          "avg by (namespace, fleet) (" + s.signal(BuiltinSignal.WORKER_CPU_SATURATION) + ")";
      String latencyViolated =
          "(%s) > %s and on (namespace, fleet) (%s) > %s"
              .formatted(
                  s.signal(BuiltinSignal.LATENCY_SLO_VIOLATION_RATIO),
                  policy.slo().latencyBudget(),
                  s.signal(BuiltinSignal.LATENCY_P99_SECONDS),
                  policy.slo().latencyThresholdSeconds());
      String tooBusy =
          "(%s) > %s or on (namespace, fleet) (%s and on (namespace, fleet) (%s) >= %s)"
              .formatted(mean, target * (1 + tolerance), latencyViolated, mean, target / 2);
      ReactionLog.reaction("7 latency pressure", "latency under load -> scale-out")
          .onset(onset)
          .detected(
              s.detected(tooBusy, labels -> true, onset, Instant.parse(out.getTime())),
              "mean CPU saturation above target + 10%, or latency SLO violated under load")
          .action(Instant.parse(out.getTime()))
          .within(0)
          .against(ReactionLog.Peer.HPA, ReactionLog.Peer.KEDA)
          .note("to " + out.getParameters().get("replicas") + " workers: " + out.getReason())
          .record();
      // what the advisor recommends: ceil(replicas * mean / target) = ceil(sum / target)
      int to = Integer.parseInt(in.getParameters().get("replicas"));
      String recommendsIn =
          "ceil(sum by (namespace, fleet) (%s) / %s) <= %d"
              .formatted(s.signal(BuiltinSignal.WORKER_CPU_SATURATION), target, to);
      ReactionLog.reaction("7 latency pressure", "load gone -> scale-in")
          .onset(loadGone)
          .detected(
              s.detected(recommendsIn, labels -> true, loadGone, Instant.parse(in.getTime())),
              "CPU saturation recommends " + to + " workers")
          .action(Instant.parse(in.getTime()))
          .within(STABILIZATION.toSeconds())
          .note(
              "held by the scale-down stabilization of %d s (the default is 300 s, as HPA's); no"
                      .formatted(STABILIZATION.toSeconds())
                  + " peer ratio: the wait is configured, not a property of the loop")
          .record();
    }
  }

  /** Workers whose CPU fault still spins, as Prometheus last saw them. */
  private static int cpuBurning(Scenario s) {
    return (int)
        s.query("microscope_worker_chaos_active{fleet=\"latency\",fault=\"cpu\"} == 1").stream()
            .count();
  }

  /** An applied scale decision to a count {@code replicas} accepts. */
  private static DecisionEntry awaitScale(Scenario s, IntPredicate replicas, String what) {
    return await(what + " in the decision log")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              var status = s.runtime().status();
              return status == null || status.getDecisions() == null
                  ? Optional.<DecisionEntry>empty()
                  : status.getDecisions().stream()
                      .filter(d -> "scale".equals(d.getAction()))
                      .filter(d -> "applied".equals(d.getResult()))
                      .filter(
                          d -> replicas.test(Integer.parseInt(d.getParameters().get("replicas"))))
                      .findFirst();
            },
            Optional::isPresent)
        .get();
  }
}
