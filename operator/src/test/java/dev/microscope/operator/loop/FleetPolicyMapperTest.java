package dev.microscope.operator.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microscope.operator.api.v1alpha1.ActionSpec;
import dev.microscope.operator.api.v1alpha1.CardinalityFault;
import dev.microscope.operator.api.v1alpha1.ChaosFleetSpec;
import dev.microscope.operator.api.v1alpha1.ComputeResources;
import dev.microscope.operator.api.v1alpha1.CpuFault;
import dev.microscope.operator.api.v1alpha1.CrashFault;
import dev.microscope.operator.api.v1alpha1.ErrorBurst;
import dev.microscope.operator.api.v1alpha1.ErrorFault;
import dev.microscope.operator.api.v1alpha1.LatencyFault;
import dev.microscope.operator.api.v1alpha1.LiesFault;
import dev.microscope.operator.api.v1alpha1.MemoryLeakFault;
import dev.microscope.operator.api.v1alpha1.PrometheusSpec;
import dev.microscope.operator.api.v1alpha1.QuotaSpec;
import dev.microscope.operator.api.v1alpha1.ResourcesSpec;
import dev.microscope.operator.api.v1alpha1.RuleSpec;
import dev.microscope.operator.control.ActionType;
import dev.microscope.operator.control.ClassifierThresholds;
import dev.microscope.operator.control.FaultSet;
import dev.microscope.operator.control.Mode;
import dev.microscope.operator.control.PrometheusPolicy;
import dev.microscope.operator.control.SafetyPolicy;
import dev.microscope.operator.control.ScalingPolicy;
import dev.microscope.operator.control.SignalScope;
import dev.microscope.operator.control.UserRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every field of the spec that the control loop uses lands in its policy, unchanged in meaning. */
class FleetPolicyMapperTest {
  @Test
  void sloAndAdaptiveChaos() {
    var spec = new ChaosFleetSpec();
    spec.getSlo().setAvailability(0.995);
    spec.getSlo().setLatencyThreshold("2500ms");
    spec.getSlo().setLatencyObjective(0.9);
    spec.getSlo().setWindow("7d");
    spec.getSlo().setMinBudgetToEscalate(0.4);
    var chaos = spec.getChaos();
    chaos.setMaxLevel(0.7);
    chaos.setLeaseSeconds(45);
    var adaptive = chaos.getAdaptive();
    adaptive.setEnabled(true);
    adaptive.setIncreaseStep(0.05);
    adaptive.setDecreaseFactor(0.25);
    adaptive.setStepInterval("90s");
    adaptive.setStabilization("3m");
    chaos.getBlastRadius().setMaxShare(0.3);
    chaos.getBlastRadius().setWindow("20m");

    var policy = FleetPolicyMapper.map(spec, false);

    assertThat(policy.slo().availabilityObjective()).isEqualTo(0.995);
    assertThat(policy.slo().latencyThresholdSeconds()).isEqualTo(2.5);
    assertThat(policy.slo().latencyObjective()).isEqualTo(0.9);
    assertThat(policy.slo().window()).isEqualTo(Duration.ofDays(7));
    var c = policy.chaos();
    assertThat(c.maxLevel()).isEqualTo(0.7);
    assertThat(c.leaseSeconds()).isEqualTo(45);
    assertThat(c.adaptive().enabled()).isTrue();
    assertThat(c.adaptive().increaseStep()).isEqualTo(0.05);
    assertThat(c.adaptive().decreaseFactor()).isEqualTo(0.25);
    assertThat(c.adaptive().stepInterval()).isEqualTo(Duration.ofSeconds(90));
    assertThat(c.adaptive().stabilization()).isEqualTo(Duration.ofMinutes(3));
    assertThat(c.adaptive().minBudgetRemaining()).isEqualTo(0.4);
    assertThat(c.blastRadius().maxShare()).isEqualTo(0.3);
    assertThat(c.blastRadius().window()).isEqualTo(Duration.ofMinutes(20));
  }

  @Test
  void autoscalingFromTheSpecAndTheDefaultsWithoutIt() {
    var spec = new ChaosFleetSpec();
    var autoscaling = spec.getWorkers().getAutoscaling();
    autoscaling.setEnabled(false);
    autoscaling.setTargetCpuSaturation(0.5);
    autoscaling.setMaxChangePerStep(3);
    autoscaling.setScaleDownStabilization("20s");

    assertThat(FleetPolicyMapper.map(spec, false).scaling())
        .isEqualTo(new ScalingPolicy(false, 0.5, 3, Duration.ofSeconds(20)));

    spec.getWorkers().setAutoscaling(null);
    assertThat(FleetPolicyMapper.map(spec, false).scaling()).isEqualTo(ScalingPolicy.defaults());
  }

  @Test
  void everyFault() {
    var chaos = new ChaosFleetSpec().getChaos();
    var latency = new LatencyFault();
    latency.setProbability(0.3);
    latency.setDistribution(LatencyFault.Distribution.EXPONENTIAL);
    latency.setMinMs(100);
    latency.setMaxMs(800);
    chaos.setLatency(latency);
    var errors = new ErrorFault();
    errors.setRate(0.2);
    errors.setStatus(503);
    var burst = new ErrorBurst();
    burst.setEverySeconds(60);
    burst.setDurationSeconds(10);
    burst.setRate(0.9);
    errors.setBurst(burst);
    chaos.setErrors(errors);
    var leak = new MemoryLeakFault();
    leak.setBytesPerSecond(1024L);
    leak.setMaxBytes(4096L);
    chaos.setMemoryLeak(leak);
    var cpu = new CpuFault();
    cpu.setCores(2.0);
    cpu.setDutyCycle(0.5);
    cpu.setDurationSeconds(30);
    chaos.setCpu(cpu);
    var crash = new CrashFault();
    crash.setProbabilityPerMinute(0.1);
    chaos.setCrash(crash);
    var lies = new LiesFault();
    lies.setHideErrors(true);
    lies.setLatencyFactor(0.1);
    lies.setFreezeCounters(true);
    lies.setTrafficFactor(3.0);
    chaos.setLies(lies);
    var cardinality = new CardinalityFault();
    cardinality.setSeriesPerSecond(50);
    cardinality.setMaxSeries(5000);
    chaos.setCardinality(cardinality);

    assertThat(FaultsFromSpec.map(chaos))
        .isEqualTo(
            new FaultSet(
                new FaultSet.Latency(0.3, "exponential", 100, 800),
                new FaultSet.Errors(0.2, 503, new FaultSet.Burst(60, 10, 0.9)),
                new FaultSet.MemoryLeak(1024, 4096),
                new FaultSet.Cpu(2.0, 0.5, 30),
                new FaultSet.Crash(0.1),
                new FaultSet.Lies(true, 0.1, true, 3.0),
                new FaultSet.Cardinality(50, 5000)));
  }

  @Test
  void faultsLeftOutAreOffAndOptionalPartsTakeTheirMeaning() {
    var chaos = new ChaosFleetSpec().getChaos();
    assertThat(FaultsFromSpec.map(chaos).isEmpty()).isTrue();
    var latency = new LatencyFault();
    latency.setMinMs(200);
    chaos.setLatency(latency);
    var cpu = new CpuFault();
    cpu.setDutyCycle(0.5);
    chaos.setCpu(cpu);
    var faults = FaultsFromSpec.map(chaos);
    assertThat(faults.latency().maxMs()).as("maxMs absent: minMs").isEqualTo(200);
    assertThat(faults.cpu().durationSeconds()).as("no duration: as long as the lease").isZero();
  }

  @Test
  void constraintsClampTheMostWorkersAndTheMemoryQuota() {
    var spec = new ChaosFleetSpec();
    spec.setConstraints(new dev.microscope.operator.api.v1alpha1.ConstraintsSpec());
    spec.getWorkers().setWorkersPerPod(10);
    spec.getWorkers().getReplicas().setMax(8);

    var policy = FleetPolicyMapper.map(spec, false);

    // 256Mi fits one worker pod of 10 virtual workers (docs/constraints.md)
    assertThat(policy.workers().max()).isEqualTo(1);
    assertThat(FleetPolicyMapper.memoryQuotaPerPod(spec)).isEqualTo(79L << 20);
  }

  @Test
  void boundsModePauseAndPrometheus() {
    var spec = new ChaosFleetSpec();
    spec.getWorkers().getReplicas().setMin(2);
    spec.getWorkers().getReplicas().setMax(8);
    spec.setMode(dev.microscope.operator.api.v1alpha1.Mode.DRY_RUN);
    spec.getPrometheus().setFailureThreshold(5);
    spec.getPrometheus().setWhileBlind(PrometheusSpec.WhileBlind.HOLD_ALL);

    var policy = FleetPolicyMapper.map(spec, true);

    assertThat(policy.workers().min()).isEqualTo(2);
    assertThat(policy.workers().max()).isEqualTo(8);
    assertThat(policy.mode()).isEqualTo(Mode.DRY_RUN);
    assertThat(policy.paused()).isTrue();
    assertThat(policy.prometheus().failureThreshold()).isEqualTo(5);
    assertThat(policy.prometheus().whileBlind()).isEqualTo(PrometheusPolicy.WhileBlind.HOLD_CHAOS);
    assertThat(policy.scaling()).isEqualTo(ScalingPolicy.defaults());
    assertThat(policy.classification()).isEqualTo(ClassifierThresholds.defaults());
  }

  @ParameterizedTest
  @EnumSource(PrometheusSpec.WhileBlind.class)
  void whileBlindDropsChaosUnlessToldToHoldEverything(PrometheusSpec.WhileBlind whileBlind) {
    var spec = new ChaosFleetSpec();
    spec.getPrometheus().setWhileBlind(whileBlind);
    assertThat(FleetPolicyMapper.map(spec, false).prometheus().whileBlind())
        .isEqualTo(
            whileBlind == PrometheusSpec.WhileBlind.HOLD_ALL
                ? PrometheusPolicy.WhileBlind.HOLD_CHAOS
                : PrometheusPolicy.WhileBlind.ZERO_CHAOS);
  }

  @ParameterizedTest
  @EnumSource(dev.microscope.operator.api.v1alpha1.Mode.class)
  void everyMode(dev.microscope.operator.api.v1alpha1.Mode mode) {
    var spec = new ChaosFleetSpec();
    spec.setMode(mode);
    assertThat(FleetPolicyMapper.map(spec, false).mode().name()).isEqualTo(mode.name());
  }

  @Test
  void quotaBoundsTheMemoryLimitOfOnePod() {
    var spec = new ChaosFleetSpec();
    assertThat(FleetPolicyMapper.map(spec, false).safety().memoryQuotaBytes()).isZero();
    var quota = new QuotaSpec();
    quota.setMemory("4352Mi");
    spec.setQuota(quota);
    spec.getWorkers().getReplicas().setMax(4);
    // (4352 Mi - 256 Mi for the traffic generator) / 4 pods
    assertThat(FleetPolicyMapper.map(spec, false).safety().memoryQuotaBytes())
        .isEqualTo(1024L << 20);
    assertThat(FleetPolicyMapper.map(spec, false).safety().maxPerHour())
        .isEqualTo(SafetyPolicy.defaults().maxPerHour());
  }

  @Test
  void everyRuleField() {
    var spec = new ChaosFleetSpec();
    var rule = new RuleSpec();
    rule.setName("busy");
    rule.setQuery("avg(x{namespace=\"{{namespace}}\",fleet=\"{{fleet}}\"})");
    rule.setOperator(RuleSpec.Operator.GE);
    rule.setThreshold(0.8);
    rule.setForDuration("2m");
    rule.setScope(RuleSpec.Scope.WORKER);
    rule.setOnNoData(RuleSpec.Outcome.TREAT_AS_ZERO);
    rule.setOnError(RuleSpec.Outcome.TREAT_AS_BREACH);
    var action = new ActionSpec();
    action.setType(ActionSpec.ActionType.QUARANTINE_WORKER);
    rule.setAction(action);
    rule.setCooldown("10m");
    rule.setMaxActionsPerHour(3);
    spec.setRules(List.of(rule));

    var mapped = FleetPolicyMapper.map(spec, false).rules();

    assertThat(mapped)
        .containsExactly(
            new UserRule(
                "busy",
                "avg(x{namespace=\"$namespace\",fleet=\"$fleet\"})",
                new UserRule.Condition(UserRule.Op.GE, 0.8),
                Duration.ofMinutes(2),
                SignalScope.WORKER,
                UserRule.MissingData.TREAT_AS_ZERO,
                UserRule.MissingData.TREAT_AS_BREACH,
                ActionType.QUARANTINE_WORKER,
                Map.of(),
                Duration.ofMinutes(10),
                3));
  }

  @Test
  void everyActionWithItsParameters() {
    assertThat(action(ActionSpec.ActionType.SCALE, a -> a.setScaleBy(-2)))
        .extracting(UserRule::action, UserRule::parameters)
        .containsExactly(ActionType.SCALE, Map.of("by", "-2"));
    assertThat(action(ActionSpec.ActionType.SET_CHAOS_LEVEL, a -> a.setLevel(0.3)))
        .extracting(UserRule::action, UserRule::parameters)
        .containsExactly(ActionType.SET_CHAOS, Map.of("level", "0.3"));
    assertThat(action(ActionSpec.ActionType.SET_TRAFFIC_RATE, a -> a.setRate(75.0)))
        .extracting(UserRule::action, UserRule::parameters)
        .containsExactly(ActionType.SET_TRAFFIC_RATE, Map.of("rate", "75.0"));
    var resources = new ResourcesSpec();
    resources.setLimits(new ComputeResources("2", "512Mi"));
    assertThat(action(ActionSpec.ActionType.SET_RESOURCES, a -> a.setResources(resources)))
        .extracting(UserRule::action, UserRule::parameters)
        .containsExactly(
            ActionType.SET_RESOURCES, Map.of("limits.cpu", "2", "limits.memory", "512Mi"));
    assertThat(action(ActionSpec.ActionType.RECORD_ONLY, a -> {}))
        .extracting(UserRule::action, UserRule::parameters)
        .containsExactly(ActionType.NOTIFY, Map.of("message", "rule r matched"));
    assertThat(action(ActionSpec.ActionType.RESTART_WORKER, a -> {}).action())
        .isEqualTo(ActionType.RESTART_WORKER);
  }

  @Test
  void aValueTheControlLoopCannotTakeNamesItsField() {
    var spec = new ChaosFleetSpec();
    var quota = new QuotaSpec();
    quota.setMemory("lots");
    spec.setQuota(quota);
    assertThatThrownBy(() -> FleetPolicyMapper.map(spec, false))
        .hasMessageContaining("spec.quota.memory");
  }

  private static UserRule action(
      ActionSpec.ActionType type, java.util.function.Consumer<ActionSpec> parameters) {
    var spec = new ChaosFleetSpec();
    var rule = new RuleSpec();
    rule.setName("r");
    rule.setQuery("vector(1)");
    rule.setOperator(RuleSpec.Operator.GT);
    rule.setThreshold(0.0);
    rule.setScope(
        type == ActionSpec.ActionType.RESTART_WORKER
            ? RuleSpec.Scope.WORKER
            : RuleSpec.Scope.FLEET);
    var action = new ActionSpec();
    action.setType(type);
    parameters.accept(action);
    rule.setAction(action);
    spec.setRules(List.of(rule));
    return FleetPolicyMapper.map(spec, false).rules().get(0);
  }
}
