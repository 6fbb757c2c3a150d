package dev.microscope.operator.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.api.v1alpha1.FleetCondition;
import dev.microscope.operator.api.v1alpha1.WorkersStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OperatorMetricsTest {
  @Test
  void exposesFleetGaugesBuildInfoAndHealthOverHttp() throws Exception {
    var metrics = new OperatorMetrics("1.2.3");
    var fleet = ChaosFleet.withDefaultSpec();
    fleet.setMetadata(new ObjectMetaBuilder().withName("demo").withNamespace("team-a").build());
    var status = new ChaosFleetStatus();
    var workers = new WorkersStatus();
    workers.setDesired(30);
    workers.setReady(20);
    status.setWorkers(workers);
    status.getConditions().add(new FleetCondition("Degraded", "True", "X", "y"));
    metrics.fleets().record(fleet, status);
    var ready = new AtomicBoolean(false);

    try (var server =
        HealthServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            metrics::scrape,
            () -> true,
            ready::get)) {
      var base = "http://127.0.0.1:" + server.port();
      var body = get(base + "/metrics");
      assertThat(body.statusCode()).isEqualTo(200);
      assertThat(body.body())
          .contains("microscope_operator_build_info{version=\"1.2.3\"} 1")
          .contains(
              "microscope_fleet_slo_availability_objective{fleet=\"demo\",namespace=\"team-a\"} 0.99")
          .contains(
              "microscope_fleet_slo_latency_threshold_seconds{fleet=\"demo\",namespace=\"team-a\"} 0.3")
          .contains(
              "microscope_fleet_slo_window_seconds{fleet=\"demo\",namespace=\"team-a\"} 2592000")
          .contains("microscope_operator_workers_desired{fleet=\"demo\",namespace=\"team-a\"} 30")
          .contains("microscope_operator_fleet_degraded{fleet=\"demo\",namespace=\"team-a\"} 1");
      assertThat(get(base + "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(base + "/readyz").statusCode()).isEqualTo(503);
      ready.set(true);
      assertThat(get(base + "/readyz").statusCode()).isEqualTo(200);

      metrics.fleets().forget("team-a", "demo");
      assertThat(get(base + "/metrics").body()).doesNotContain("fleet=\"demo\"");
    }
  }

  private static HttpResponse<String> get(String url) throws Exception {
    try (var client = HttpClient.newHttpClient()) {
      return client.send(
          HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
