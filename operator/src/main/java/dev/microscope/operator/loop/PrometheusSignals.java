package dev.microscope.operator.loop;

import dev.microscope.operator.control.FleetPolicy;
import dev.microscope.operator.control.Signals;
import dev.microscope.operator.prometheus.FleetScope;
import dev.microscope.operator.prometheus.PrometheusClient;
import dev.microscope.operator.prometheus.PrometheusConnection;
import dev.microscope.operator.prometheus.QueryObserver;
import dev.microscope.operator.prometheus.SignalQueries;
import dev.microscope.operator.prometheus.SignalReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Signals from Prometheus: one client per fleet (kept while its connection stays the same), one
 * query per signal per fleet, every answer reported to the fleet's {@link QueryObserver}.
 */
public final class PrometheusSignals implements SignalSource {
  private record Client(PrometheusConnection connection, SignalReader reader) {}

  private final Function<FleetRef, QueryObserver> observers;
  private final Map<FleetRef, Client> clients = new ConcurrentHashMap<>();

  public PrometheusSignals(Function<FleetRef, QueryObserver> observers) {
    this.observers = observers;
  }

  @Override
  public Signals read(
      FleetRef fleet, FleetPolicy policy, FleetSnapshot.PrometheusTarget target, Instant at) {
    if (target.connection() == null) {
      return Signals.failedPoll(at, target.problem());
    }
    var reader = clients.compute(fleet, (k, old) -> reuse(k, old, target.connection())).reader();
    var plan =
        new SignalQueries(new FleetScope(fleet.namespace(), fleet.name()), policy.slo())
            .plan(policy.rules());
    return reader.read(plan, at);
  }

  /** Drops the client of a deleted fleet. */
  @Override
  public void forget(FleetRef fleet) {
    clients.remove(fleet);
  }

  private Client reuse(FleetRef fleet, Client old, PrometheusConnection connection) {
    if (old != null && old.connection().equals(connection)) {
      return old;
    }
    var client = PrometheusClient.create(connection, d -> Thread.sleep(d), observers.apply(fleet));
    return new Client(connection, new SignalReader(client));
  }

  /** The connection settings of a fleet's spec: retries within the query timeout's budget. */
  public static PrometheusConnection connection(java.net.URI url, Duration queryTimeout) {
    return PrometheusConnection.of(url)
        .withTimeout(queryTimeout)
        .withRetries(2, Duration.ofMillis(200), Duration.ofSeconds(1));
  }
}
