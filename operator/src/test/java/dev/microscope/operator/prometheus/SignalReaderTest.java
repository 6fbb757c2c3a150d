package dev.microscope.operator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microscope.operator.control.ActionType;
import dev.microscope.operator.control.BuiltinSignal;
import dev.microscope.operator.control.Reading;
import dev.microscope.operator.control.SignalScope;
import dev.microscope.operator.control.Signals;
import dev.microscope.operator.control.Slo;
import dev.microscope.operator.control.UserRule;
import dev.microscope.testkit.PrometheusServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignalReaderTest {
  private static final FleetScope SCOPE = new FleetScope("lab", "f1");
  @TempDir Path dir;

  private static UserRule rule(String name, SignalScope scope, String query) {
    return new UserRule(
        name,
        query,
        new UserRule.Condition(UserRule.Op.GT, 0),
        Duration.ZERO,
        scope,
        UserRule.MissingData.HOLD,
        UserRule.MissingData.HOLD,
        ActionType.NOTIFY,
        Map.of("message", "m"),
        Duration.ZERO,
        0);
  }

  @Test
  void aBlindPrometheusFailsThePollAfterOneQuerysRetries() {
    try (StubServer down = StubServer.answering(503, "")) {
      PrometheusClient client =
          PrometheusClient.create(
              PrometheusConnection.of(URI.create(down.url()))
                  .withRetries(3, Duration.ZERO, Duration.ZERO));
      List<PlannedQuery> plan =
          new SignalQueries(SCOPE, Slo.defaults())
              .plan(List.of(rule("r", SignalScope.FLEET, "vector(1)")));
      Signals signals = new SignalReader(client).read(plan, Instant.EPOCH);

      assertThat(signals.pollFailed()).isTrue();
      assertThat(signals.pollFailureReason()).hasValue("SERVER: HTTP 503: ");
      assertThat(down.requests()).hasSize(3);
      assertThat(signals.fleet(BuiltinSignal.BURN_RATE_M5)).isInstanceOf(Reading.Failed.class);
      assertThat(signals.vector(BuiltinSignal.WORKER_UP).failureReason()).isPresent();
      assertThat(signals.rule("r").failureReason())
          .hasValueSatisfying(r -> assertThat(r).startsWith("UNREACHABLE: not sent"));
    }
  }

  @Test
  void aBadUserQueryFailsOnlyThatRule() {
    try (PrometheusServer prometheus = PrometheusServer.builder(dir).start()) {
      PrometheusClient client =
          PrometheusClient.create(PrometheusConnection.of(URI.create(prometheus.url())));
      List<UserRule> rules =
          List.of(
              rule("broken", SignalScope.FLEET, "sum(rate(x[5m])"),
              rule(
                  "two-series",
                  SignalScope.FLEET,
                  "vector(1) or label_replace(vector(2), \"a\", \"b\", \"\", \"\")"),
              rule("fleet-value", SignalScope.FLEET, "scalar(vector(3))"),
              rule(
                  "by-worker",
                  SignalScope.WORKER,
                  "label_replace(vector(4), \"worker\", \"w-1\", \"\", \"\")"));
      Signals signals =
          new SignalReader(client)
              .read(new SignalQueries(SCOPE, Slo.defaults()).plan(rules), Instant.EPOCH);

      assertThat(signals.pollFailed()).isFalse();
      assertThat(signals.rule("broken").failureReason())
          .hasValueSatisfying(r -> assertThat(r).startsWith("BAD_QUERY: HTTP 400 bad_data"));
      assertThat(signals.rule("two-series").failureReason())
          .hasValue("expected one series for the fleet, got 2; aggregate the query to one value");
      assertThat(signals.rule("fleet-value").get(Signals.FLEET_KEY)).isEqualTo(Reading.of(3));
      assertThat(signals.rule("by-worker").get("w-1")).isEqualTo(Reading.of(4));
      assertThat(signals.fleet(BuiltinSignal.LATENCY_P99_SECONDS))
          .isInstanceOf(Reading.NoData.class);
    }
  }
}
