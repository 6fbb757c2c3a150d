package dev.microscope.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microscope.worker.json.Json;
import dev.microscope.worker.metrics.CodeClass;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerApiTest {
  private static final String ORDER =
      "{\"userId\": \"u-1\", \"items\": [{\"sku\": \"s-1\", \"qty\": 2}]}";

  @TempDir Path dir;
  private RunningWorker worker;

  @AfterEach
  void stop() {
    if (worker != null) {
      worker.close();
    }
  }

  /** Profiles without errors, so every answer in these tests is decided by the test. */
  private String reliableProfiles() throws IOException {
    Path file = dir.resolve("profiles.json");
    Files.writeString(
        file,
        """
        {"endpoints": {"/api/users": {"minMs": 0, "maxMs": 0, "errorRate": 0},
                       "/api/orders": {"minMs": 0, "maxMs": 0, "errorRate": 0},
                       "/api/slow": {"minMs": 0, "maxMs": 0, "errorRate": 0}}}
        """);
    return file.toString();
  }

  private static JsonNode json(HttpResponse<String> response) {
    return Json.parse(response.body().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void healthAndTheListOfWorkers() {
    worker = RunningWorker.start("--workers", "3", "--id", "pod");

    assertThat(worker.get("/health").body()).isEqualTo("{\"status\":\"ok\"}");
    assertThat(json(worker.get("/workers")).path("workers").toString())
        .isEqualTo("[\"pod-0\",\"pod-1\",\"pod-2\"]");
    assertThat(worker.get("/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void withMetricsOffRequestsAreServedButNotCountedAndNothingIsExported() throws IOException {
    worker = RunningWorker.start("--metrics", "off", "--profiles", reliableProfiles());

    assertThat(worker.get("/api/users").statusCode()).isEqualTo(200);
    assertThat(worker.post("/api/orders", ORDER).statusCode()).isEqualTo(200);
    assertThat(worker.post("/api/orders", "{}").statusCode()).isEqualTo(400);

    WorkerMetrics counted = worker.app().workers().all().get(0).metrics();
    assertThat(counted.requests(Endpoint.USERS, CodeClass.C2XX)).isZero();
    assertThat(counted.requests(Endpoint.ORDERS, CodeClass.C2XX)).isZero();
    assertThat(counted.requests(Endpoint.ORDERS, CodeClass.C4XX)).isZero();
    HttpResponse<String> scrape = worker.get("/metrics");
    assertThat(scrape.statusCode()).isEqualTo(404);
    assertThat(scrape.body()).contains("metrics are off");
  }

  @Test
  void withMetricsOnTheSameRequestsAreCounted() throws IOException {
    worker = RunningWorker.start("--profiles", reliableProfiles());

    worker.get("/api/users");
    worker.post("/api/orders", "{}");

    WorkerMetrics counted = worker.app().workers().all().get(0).metrics();
    // a request is counted once its answer is on its way, so the client may read it first
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(counted.requests(Endpoint.USERS, CodeClass.C2XX)).isEqualTo(1);
              assertThat(counted.requests(Endpoint.ORDERS, CodeClass.C4XX)).isEqualTo(1);
            });
    assertThat(worker.get("/metrics").body()).contains("microscope_worker_requests_total");
  }

  @Test
  void plainApiCallsGoRoundRobinAndSayWhoAnswered() throws IOException {
    worker = RunningWorker.start("--workers", "3", "--id", "w", "--profiles", reliableProfiles());

    List<String> answeredBy = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> response = worker.get("/api/users");
      assertThat(response.statusCode()).isEqualTo(200);
      answeredBy.add(response.headers().firstValue("X-Microscope-Worker").orElseThrow());
    }

    assertThat(answeredBy.subList(0, 3)).containsExactlyInAnyOrder("w-0", "w-1", "w-2");
    assertThat(answeredBy.subList(3, 6)).isEqualTo(answeredBy.subList(0, 3));
  }

  @Test
  void oneWorkerCanBeAddressedDirectly() throws IOException {
    worker = RunningWorker.start("--workers", "3", "--id", "w", "--profiles", reliableProfiles());

    HttpResponse<String> response = worker.get("/w/w-2/api/slow");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("X-Microscope-Worker")).hasValue("w-2");
    assertThat(worker.get("/w/w-7/api/slow").statusCode()).isEqualTo(404);
    HttpResponse<String> unknownEndpoint = worker.get("/w/w-1/api/nothing");
    assertThat(unknownEndpoint.statusCode()).isEqualTo(404);
    assertThat(unknownEndpoint.headers().firstValue("X-Microscope-Worker")).hasValue("w-1");
  }

  @Test
  void ordersAreValidatedNamingTheField() throws IOException {
    worker = RunningWorker.start("--profiles", reliableProfiles());

    assertThat(worker.post("/api/orders", ORDER).statusCode()).isEqualTo(200);
    HttpResponse<String> noItems = worker.post("/api/orders", "{\"userId\": \"u\", \"items\": []}");
    HttpResponse<String> badQty =
        worker.post(
            "/api/orders", "{\"userId\": \"u\", \"items\": [{\"sku\": \"s\", \"qty\": 0}]}");
    HttpResponse<String> noUser =
        worker.post("/api/orders", "{\"items\": [{\"sku\": \"s\", \"qty\": 1}]}");
    HttpResponse<String> notJson = worker.post("/api/orders", "order please");

    assertThat(noItems.statusCode()).isEqualTo(400);
    assertThat(json(noItems).path("field").asText()).isEqualTo("items");
    assertThat(json(badQty).path("field").asText()).isEqualTo("items[0].qty");
    assertThat(json(noUser).path("field").asText()).isEqualTo("userId");
    assertThat(json(notJson).path("field").asText()).isEqualTo("$");
    assertThat(worker.get("/api/orders").statusCode()).as("wrong method").isEqualTo(405);
    assertThat(worker.get("/metrics").body())
        .contains(
            "microscope_worker_requests_total{fleet=\"default\",worker=\"worker\",endpoint=\"/api/orders\",method=\"POST\",code_class=\"4xx\"} 4");
  }

  @Test
  void overloadIsRefusedWith429AndCounted() throws Exception {
    worker =
        RunningWorker.start("--concurrency", "1", "--queue", "1", "--profiles", reliableProfiles());
    worker.admin(
        "PUT", "/admin/chaos", "{\"latency\": {\"distribution\": \"fixed\", \"minMs\": 3000}}");

    List<Thread> held = new ArrayList<>();
    List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 2; i++) {
      held.add(
          Thread.startVirtualThread(() -> statuses.add(worker.get("/api/users").statusCode())));
    }
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(
            () ->
                worker
                    .get("/metrics")
                    .body()
                    .contains(
                        "microscope_worker_queue_depth{fleet=\"default\",worker=\"worker\"} 1"));

    List<HttpResponse<String>> refused = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      refused.add(worker.get("/api/users"));
    }
    for (Thread thread : held) {
      thread.join();
    }

    assertThat(refused)
        .allSatisfy(
            r -> {
              assertThat(r.statusCode()).isEqualTo(429);
              assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
            });
    assertThat(statuses).containsExactly(200, 200);
    String metrics = worker.get("/metrics").body();
    assertThat(metrics)
        .contains(
            "microscope_worker_dropped_requests_total{fleet=\"default\",worker=\"worker\",endpoint=\"/api/users\"} 3")
        .contains(
            "microscope_worker_requests_total{fleet=\"default\",worker=\"worker\",endpoint=\"/api/users\",method=\"GET\",code_class=\"4xx\"} 3")
        .contains("microscope_worker_saturation_ratio{fleet=\"default\",worker=\"worker\"} 0\n");
  }

  @Test
  void virtualWorkersDoNotSeeEachOthersChaosOrCounters() throws IOException {
    worker = RunningWorker.start("--workers", "2", "--id", "w", "--profiles", reliableProfiles());
    worker.admin("PUT", "/admin/chaos/w-1", "{\"errors\": {\"rate\": 1, \"status\": 503}}");

    for (int i = 0; i < 20; i++) {
      assertThat(worker.get("/w/w-0/api/users").statusCode()).isEqualTo(200);
      assertThat(worker.get("/w/w-1/api/users").statusCode()).isEqualTo(503);
    }

    String metrics = worker.get("/metrics").body();
    assertThat(metrics)
        .contains(
            "microscope_worker_requests_total{fleet=\"default\",worker=\"w-0\",endpoint=\"/api/users\",method=\"GET\",code_class=\"2xx\"} 20")
        .contains(
            "microscope_worker_requests_total{fleet=\"default\",worker=\"w-0\",endpoint=\"/api/users\",method=\"GET\",code_class=\"5xx\"} 0")
        .contains(
            "microscope_worker_requests_total{fleet=\"default\",worker=\"w-1\",endpoint=\"/api/users\",method=\"GET\",code_class=\"5xx\"} 20")
        .contains(
            "microscope_worker_errors_total{fleet=\"default\",worker=\"w-1\",endpoint=\"/api/users\",method=\"GET\",reason=\"chaos\"} 20")
        .contains(
            "microscope_worker_chaos_active{fleet=\"default\",worker=\"w-0\",fault=\"errors\"} 0")
        .contains(
            "microscope_worker_chaos_active{fleet=\"default\",worker=\"w-1\",fault=\"errors\"} 1");
  }

  @Test
  void aLyingWorkerAnswersTrulyButCountsFalsely() throws IOException {
    worker = RunningWorker.start("--profiles", reliableProfiles());
    worker.admin(
        "PUT", "/admin/chaos", "{\"errors\": {\"rate\": 1}, \"lies\": {\"hideErrors\": true}}");

    for (int i = 0; i < 5; i++) {
      assertThat(worker.get("/api/users").statusCode()).isEqualTo(500);
    }

    assertThat(worker.get("/metrics").body())
        .contains(
            "microscope_worker_requests_total{fleet=\"default\",worker=\"worker\",endpoint=\"/api/users\",method=\"GET\",code_class=\"2xx\"} 5")
        .contains(
            "microscope_worker_errors_total{fleet=\"default\",worker=\"worker\",endpoint=\"/api/users\",method=\"GET\",reason=\"chaos\"} 0");
  }

  @Test
  void aCrashInExitModeHaltsWithCode70() {
    worker = RunningWorker.start();

    worker.admin("PUT", "/admin/chaos", "{\"crash\": {\"probabilityPerMinute\": 1}}");

    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> worker.haltedWith() == CrashMode.EXIT_CODE);
  }

  @Test
  void aCrashOfAVirtualWorkerTakesItDownForAMoment() {
    worker = RunningWorker.start("--workers", "2", "--id", "w");

    worker.admin("PUT", "/admin/chaos/w-0", "{\"crash\": {\"probabilityPerMinute\": 1}}");

    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> worker.get("/w/w-0/api/users").statusCode() == 503);
    assertThat(worker.haltedWith()).isEqualTo(-1);
    assertThat(json(worker.admin("GET", "/admin/chaos/w-0", null)).path("chaos").isNull())
        .as("a fresh start has no faults")
        .isTrue();
  }

  @Test
  void theChaosFileAppliesAtStartAndAgainWhenItChanges() throws IOException {
    Path chaos =
        Files.writeString(dir.resolve("chaos.json"), "{\"level\": 0.2, \"errors\": {\"rate\": 1}}");
    worker = RunningWorker.start("--workers", "2", "--id", "w", "--chaos-file", chaos.toString());
    assertThat(worker.get("/w/w-1/api/users").statusCode()).isEqualTo(500);

    Files.writeString(chaos, "{\"level\": 0.9, \"latency\": {\"minMs\": 1}}");

    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(worker.get("/metrics").body())
                    .contains(
                        "microscope_worker_chaos_level{fleet=\"default\",worker=\"w-0\"} 0.9\n")
                    .contains(
                        "microscope_worker_chaos_active{fleet=\"default\",worker=\"w-1\",fault=\"errors\"} 0\n"));
  }
}
