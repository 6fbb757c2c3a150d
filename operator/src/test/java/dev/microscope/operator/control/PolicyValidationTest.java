package dev.microscope.operator.control;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input is refused with a message that names the field, as the ChaosFleet spec spells it. */
class PolicyValidationTest {
  private static UserRule rule(
      String name, ActionType action, SignalScope scope, Map<String, String> parameters) {
    return new UserRule(
        name,
        "vector(1)",
        new UserRule.Condition(UserRule.Op.GT, 0),
        Duration.ZERO,
        scope,
        UserRule.MissingData.HOLD,
        UserRule.MissingData.HOLD,
        action,
        parameters,
        Duration.ZERO,
        0);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(
            (Supplier<?>) () -> ChaosPolicy.defaults().withMaxLevel(1.5),
            "chaos.maxLevel must be within 0..1, got 1.5"),
        Arguments.of(
            (Supplier<?>) () -> new Slo(1.0, 0.3, 0.95, Duration.ofDays(30)),
            "slo.availability.objective must be within 0.5..0.99999, got 1"),
        Arguments.of(
            (Supplier<?>) () -> new Slo(0.99, 0.3, 0.95, Duration.ZERO),
            "slo.window must be positive, got PT0S"),
        Arguments.of(
            (Supplier<?>)
                () ->
                    new ChaosPolicy.Adaptive(
                        true, 0.1, 1.5, Duration.ofMinutes(1), Duration.ofMinutes(10), 0.2),
            "chaos.adaptive.decreaseFactor must be within 0..0.999, got 1.5"),
        Arguments.of(
            (Supplier<?>) () -> new ChaosPolicy.BlastRadius(-0.1, Duration.ofMinutes(10)),
            "chaos.blastRadius.maxShare must be within 0..1, got -0.1"),
        Arguments.of(
            (Supplier<?>) () -> new WorkerBounds(5, 2), "workers.max must be at least 5, got 2"),
        Arguments.of(
            (Supplier<?>) () -> new PrometheusPolicy(0, PrometheusPolicy.WhileBlind.ZERO_CHAOS),
            "prometheus.failureThreshold must be at least 1, got 0"),
        Arguments.of(
            (Supplier<?>) () -> new FaultSet.Latency(1.2, "uniform", 1, 2),
            "chaos.faults.latency.probability must be within 0..1, got 1.2"),
        Arguments.of(
            (Supplier<?>)
                () -> rule("x", ActionType.SET_CHAOS, SignalScope.FLEET, Map.of("level", "lots")),
            "rules[x].parameters.level must be a number, got 'lots'"),
        Arguments.of(
            (Supplier<?>)
                () ->
                    rule(
                        "x",
                        ActionType.SET_CHAOS,
                        SignalScope.FLEET,
                        Map.of("level", "0.5", "fault", "gremlins")),
            "unknown fault 'gremlins'"),
        Arguments.of(
            (Supplier<?>) () -> rule("x", ActionType.SCALE, SignalScope.FLEET, Map.of()),
            "rules[x].parameters needs 'replicas' or 'by' for action scale"),
        Arguments.of(
            (Supplier<?>) () -> rule("x", ActionType.RESTART_WORKER, SignalScope.FLEET, Map.of()),
            "rules[x].action restart_worker needs scope perWorker"),
        Arguments.of(
            (Supplier<?>) () -> rule("bad name!", ActionType.NOTIFY, SignalScope.FLEET, Map.of()),
            "rules[].name must be 1-63 letters"),
        Arguments.of(
            (Supplier<?>)
                () ->
                    FleetPolicy.defaults()
                        .withRules(
                            List.of(
                                rule("twice", ActionType.NOTIFY, SignalScope.FLEET, Map.of()),
                                rule("twice", ActionType.NOTIFY, SignalScope.FLEET, Map.of()))),
            "rules[].name 'twice' is not unique"),
        Arguments.of(
            (Supplier<?>)
                () ->
                    FleetPolicy.defaults()
                        .withRules(
                            List.of(
                                rule("fast-burn", ActionType.NOTIFY, SignalScope.FLEET, Map.of()))),
            "rules[].name 'fast-burn' is the name of a built-in policy"),
        Arguments.of(
            (Supplier<?>)
                () ->
                    ObservedFleet.of(
                        2,
                        List.of(ObservedWorker.ready("w", "h1"), ObservedWorker.ready("w", "h2"))),
            "worker id 'w' appears twice"),
        Arguments.of((Supplier<?>) () -> ActionType.parse("reboot"), "unknown action 'reboot'"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalid")
  void refusesWithTheFieldNamed(Supplier<?> construct, String message) {
    assertThatThrownBy(construct::get)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(message);
  }
}
