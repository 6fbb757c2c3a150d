package dev.microscope.operator.prometheus;

import dev.microscope.operator.control.BuiltinSignal;
import dev.microscope.operator.control.Reading;
import dev.microscope.operator.control.SignalScope;
import dev.microscope.operator.control.Signals;
import dev.microscope.operator.control.VectorReading;
import java.time.Instant;
import java.util.List;

/**
 * Reads one poll's {@link Signals}: runs the planned queries one after the other and decodes their
 * answers. Once Prometheus proves unreadable (unreachable, unauthorized, 5xx after the retries) the
 * remaining queries are not sent; if that happens before any query was answered, the poll is
 * failed.
 */
public final class SignalReader {
  private final PrometheusClient client;

  public SignalReader(PrometheusClient client) {
    this.client = client;
  }

  public Signals read(List<PlannedQuery> plan, Instant at) {
    Signals.Builder signals = Signals.at(at);
    boolean answered = false;
    String blind = null;
    for (PlannedQuery query : plan) {
      QueryResult result;
      if (blind != null) {
        result = new QueryResult.Error(QueryResult.ErrorKind.UNREACHABLE, "not sent: " + blind, 0);
      } else {
        result = client.query(query.promql());
        if (result instanceof QueryResult.Error e && e.kind().blind()) {
          blind = e.kind() + ": " + e.reason();
        } else {
          answered = true;
        }
      }
      record(signals, query, result);
    }
    if (!answered && blind != null) {
      signals.pollFailure(blind);
    }
    return signals.build();
  }

  private static void record(Signals.Builder signals, PlannedQuery query, QueryResult result) {
    BuiltinSignal signal = query.signal();
    if (signal == null) {
      VectorReading reading =
          query.scope() == SignalScope.FLEET
              ? fleetRule(SignalDecoder.fleet(result))
              : SignalDecoder.byWorker(result);
      signals.rule(query.name(), reading);
    } else if (signal.scope() == SignalScope.FLEET) {
      signals.fleet(signal, SignalDecoder.fleet(result));
    } else if (signal == BuiltinSignal.WORKER_LIAR_SCORE) {
      signals.workers(signal, SignalDecoder.componentsByWorker(result));
    } else {
      signals.workers(signal, SignalDecoder.byWorker(result));
    }
  }

  private static VectorReading fleetRule(Reading reading) {
    return switch (reading) {
      case Reading.Value(double v) -> VectorReading.of(java.util.Map.of(Signals.FLEET_KEY, v));
      case Reading.NoData n -> VectorReading.empty();
      case Reading.Failed f -> VectorReading.failed(f.reason());
    };
  }
}
