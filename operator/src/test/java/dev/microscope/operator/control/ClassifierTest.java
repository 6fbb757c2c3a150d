package dev.microscope.operator.control;

import static dev.microscope.operator.control.BuiltinSignal.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClassifierTest {
  private static final String W = "w-0";
  private static final Classifier CLASSIFIER =
      new Classifier(ClassifierThresholds.defaults(), Slo.defaults());

  static Stream<Arguments> cases() {
    return Stream.of(
        row(
            "all normal",
            s -> s,
            WorkerState.HEALTHY,
            "no threshold crossed",
            Map.of("worker_memory_time_to_limit_seconds", "+Inf")),
        row(
            "memory reaches the limit in 120s",
            s -> s.worker(WORKER_MEMORY_TIME_TO_LIMIT_SECONDS, W, 120),
            WorkerState.ABOUT_TO_OOM,
            "in 120s (< 600s)",
            Map.of("worker_memory_time_to_limit_seconds", "120")),
        row(
            "already at 95% of the limit, flat",
            s -> s.worker(WORKER_MEMORY_USAGE_RATIO, W, 0.95),
            WorkerState.ABOUT_TO_OOM,
            "memory at 0.95",
            Map.of("worker_memory_usage_ratio", "0.95")),
        row(
            "time to limit +Inf means never",
            s -> s.worker(WORKER_MEMORY_USAGE_RATIO, W, 0.5),
            WorkerState.HEALTHY,
            "no threshold",
            Map.of()),
        row(
            "time to limit unknown, usage high",
            s ->
                s.worker(WORKER_MEMORY_TIME_TO_LIMIT_SECONDS, W, Double.NaN)
                    .worker(WORKER_MEMORY_USAGE_RATIO, W, 0.92),
            WorkerState.ABOUT_TO_OOM,
            "memory at 0.92",
            Map.of()),
        row(
            "OOM outranks flapping",
            s -> s.worker(WORKER_MEMORY_TIME_TO_LIMIT_SECONDS, W, 60).worker(WORKER_RESTARTS, W, 5),
            WorkerState.ABOUT_TO_OOM,
            "in 60s",
            Map.of("worker_restarts", "5")),
        row(
            "three restarts in the hour",
            s -> s.worker(WORKER_RESTARTS, W, 3),
            WorkerState.FLAPPING,
            "3 restarts",
            Map.of("worker_restarts", "3")),
        row(
            "two restarts are not flapping",
            s -> s.worker(WORKER_RESTARTS, W, 2),
            WorkerState.HEALTHY,
            "no threshold",
            Map.of()),
        row(
            "traffic three times what was sent",
            s -> s.liar(W, Map.of("traffic", 1.0, "latency", 0.1)),
            WorkerState.LYING,
            "liar score 1",
            Map.of("liar_traffic", "1", "liar_latency", "0.1")),
        row(
            "liar score just under the line",
            s -> s.liar(W, Map.of("errors", 0.49)),
            WorkerState.HEALTHY,
            "no threshold",
            Map.of()),
        row(
            "errors above the SLO budget",
            s -> s.worker(WORKER_ERROR_RATIO, W, 0.2),
            WorkerState.FAILING,
            "error ratio 0.2 above the SLO's budget 0.01",
            Map.of()),
        row(
            "slow, not failing, steady",
            s -> s.worker(WORKER_LATENCY_P99_SECONDS, W, 0.8),
            WorkerState.SLOW_BUT_STABLE,
            "p99 0.8s above the SLO threshold 0.3s",
            Map.of("worker_latency_p99_seconds", "0.8")),
        row(
            "slow with unknown errors is still slow but stable",
            s ->
                s.worker(WORKER_LATENCY_P99_SECONDS, W, 0.8)
                    .worker(WORKER_ERROR_RATIO, W, Double.NaN),
            WorkerState.SLOW_BUT_STABLE,
            "p99 0.8s",
            Map.of()),
        row(
            "no data at all",
            s -> TestSignals.empty(),
            WorkerState.UNKNOWN,
            "no signal has data",
            Map.of()),
        row(
            "every query failed",
            s -> {
              TestSignals failed = TestSignals.empty();
              for (BuiltinSignal signal : BuiltinSignal.values()) {
                failed.failed(signal, "SERVER: HTTP 503");
              }
              return failed;
            },
            WorkerState.UNKNOWN,
            "no signal has data",
            Map.of()),
        row(
            "only up is known",
            s -> TestSignals.empty().worker(WORKER_UP, W, 1),
            WorkerState.HEALTHY,
            "no threshold",
            Map.of("worker_up", "1")),
        row(
            "failed memory queries do not hide a liar",
            s ->
                s.failed(WORKER_MEMORY_TIME_TO_LIMIT_SECONDS, "TIMEOUT")
                    .failed(WORKER_MEMORY_USAGE_RATIO, "TIMEOUT")
                    .liar(W, Map.of("counter_reset", 1.0)),
            WorkerState.LYING,
            "counter_reset",
            Map.of("liar_counter_reset", "1")));
  }

  private static Arguments row(
      String name,
      UnaryOperator<TestSignals> given,
      WorkerState expected,
      String reason,
      Map<String, String> evidence) {
    return Arguments.of(name, given, expected, reason, evidence);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void classifies(
      String name,
      UnaryOperator<TestSignals> given,
      WorkerState expected,
      String reason,
      Map<String, String> evidence) {
    Signals signals = given.apply(TestSignals.healthy(List.of(W))).at(Instant.EPOCH);
    Classification c = CLASSIFIER.classify(signals, W);
    assertThat(c.worker()).isEqualTo(W);
    assertThat(c.state()).isEqualTo(expected);
    assertThat(c.reason()).contains(reason);
    assertThat(c.evidence()).containsAllEntriesOf(evidence);
  }
}
