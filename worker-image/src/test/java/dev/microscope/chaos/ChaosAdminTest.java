package dev.microscope.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microscope.worker.RunningWorker;
import dev.microscope.worker.json.Json;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChaosAdminTest {
  private static final String LATENCY =
      "{\"leaseSeconds\": 30, \"level\": 0.5, \"latency\": {\"minMs\": 1}}";

  private RunningWorker worker;

  @AfterEach
  void stop() {
    if (worker != null) {
      worker.close();
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    return Json.parse(response.body().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void withoutAConfiguredTokenTheAdminApiIsOff() {
    worker = RunningWorker.start(Map.of(), InstantSource.system(), "--workers", "2");

    HttpResponse<String> response = worker.admin("GET", "/admin/chaos", null);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(json(response).path("error").asText()).contains("disabled");
  }

  @Test
  void aMissingOrWrongTokenIsUnauthorised() {
    worker = RunningWorker.start("--workers", "2");

    assertThat(worker.adminAs(null, "GET", "/admin/chaos", null).statusCode()).isEqualTo(401);
    HttpResponse<String> wrong = worker.adminAs("nope", "PUT", "/admin/chaos/worker-0", LATENCY);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(worker.admin("GET", "/admin/chaos", null).statusCode()).isEqualTo(200);
  }

  @Test
  void theTokenCanComeFromAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path file = dir.resolve("token");
    java.nio.file.Files.writeString(file, RunningWorker.TOKEN + "\n");
    worker =
        RunningWorker.start(
            Map.of(), InstantSource.system(), "--admin-token-file", file.toString());

    assertThat(worker.admin("GET", "/admin/chaos", null).statusCode()).isEqualTo(200);
  }

  @Test
  void putGetAndDeleteOneWorker() {
    worker = RunningWorker.start("--workers", "2", "--id", "w");

    JsonNode put = json(worker.admin("PUT", "/admin/chaos/w-1", LATENCY));
    assertThat(put.path("worker").asText()).isEqualTo("w-1");
    assertThat(put.path("chaos").path("latency").path("minMs").asInt()).isEqualTo(1);
    assertThat(put.path("leaseRemainingSeconds").asDouble()).isBetween(29.0, 30.0);
    assertThat(java.time.Instant.parse(put.path("expiresAt").asText()))
        .isAfter(java.time.Instant.now());

    JsonNode get = json(worker.admin("GET", "/admin/chaos/w-1", null));
    assertThat(get.path("chaos")).isEqualTo(put.path("chaos"));
    JsonNode other = json(worker.admin("GET", "/admin/chaos/w-0", null));
    assertThat(other.path("chaos").isNull()).as("the other worker is untouched").isTrue();

    JsonNode deleted = json(worker.admin("DELETE", "/admin/chaos/w-1", null));
    assertThat(deleted.path("chaos").isNull()).isTrue();
    assertThat(deleted.path("leaseRemainingSeconds").asDouble()).isZero();
  }

  @Test
  void putAndDeleteEveryWorker() {
    worker = RunningWorker.start("--workers", "3", "--id", "w");

    JsonNode put = json(worker.admin("PUT", "/admin/chaos", LATENCY));
    assertThat(put.path("workers")).hasSize(3);
    put.path("workers")
        .forEach(w -> assertThat(w.path("chaos").path("level").asDouble()).isEqualTo(0.5));

    JsonNode deleted = json(worker.admin("DELETE", "/admin/chaos", null));
    deleted.path("workers").forEach(w -> assertThat(w.path("chaos").isNull()).isTrue());
  }

  @Test
  void aBadBodyIsRefusedNamingTheFieldAndChangesNothing() {
    worker = RunningWorker.start("--workers", "2", "--id", "w");
    worker.admin("PUT", "/admin/chaos/w-0", LATENCY);

    HttpResponse<String> bad =
        worker.admin("PUT", "/admin/chaos/w-0", "{\"errors\": {\"rate\": 2}}");
    HttpResponse<String> unknown =
        worker.admin("PUT", "/admin/chaos/w-0", "{\"latency\": {\"minMs\": 1, \"mean\": 3}}");

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).path("field").asText()).isEqualTo("errors.rate");
    assertThat(json(bad).path("error").asText()).contains("errors.rate");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(json(unknown).path("field").asText()).isEqualTo("latency.mean");
    JsonNode still = json(worker.admin("GET", "/admin/chaos/w-0", null));
    assertThat(still.path("chaos").path("latency").path("minMs").asInt()).isEqualTo(1);
  }

  @Test
  void aBodyOver64KiBIsTooLarge() {
    worker = RunningWorker.start();
    String huge = "{\"level\": 0.1, \"pad\": \"" + "x".repeat(64 * 1024) + "\"}";

    assertThat(worker.admin("PUT", "/admin/chaos", huge).statusCode()).isEqualTo(413);
  }

  @Test
  void unknownWorkersPathsAndMethods() {
    worker = RunningWorker.start("--workers", "2", "--id", "w");

    assertThat(worker.admin("GET", "/admin/chaos/w-9", null).statusCode()).isEqualTo(404);
    assertThat(worker.admin("POST", "/admin/workers/w-9/restart", null).statusCode())
        .isEqualTo(404);
    assertThat(worker.admin("GET", "/admin/other", null).statusCode()).isEqualTo(404);
    HttpResponse<String> post = worker.admin("POST", "/admin/chaos/w-0", "{}");
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).hasValue("GET, PUT, DELETE");
    assertThat(worker.admin("GET", "/admin/workers/w-0/restart", null).statusCode()).isEqualTo(405);
  }

  @Test
  void aRestartClearsTheWorkerAndRestartsItsCounters() {
    worker = RunningWorker.start("--workers", "2", "--id", "w", "--time-scale", "0");
    worker.admin("PUT", "/admin/chaos/w-1", "{\"errors\": {\"rate\": 1}}");
    assertThat(worker.get("/w/w-1/api/users").statusCode()).isEqualTo(500);
    // the request is recorded once its response is written: wait for it, so that the restart
    // below is what clears it and not a recording that comes after
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> worker.get("/metrics").body().contains("worker=\"w-1\",endpoint=\"/api/users\""));

    JsonNode restarted = json(worker.admin("POST", "/admin/workers/w-1/restart", null));

    assertThat(restarted.path("chaos").isNull()).isTrue();
    assertThat(worker.get("/metrics").body())
        .doesNotContain("worker=\"w-1\",endpoint=\"/api/users\"");
  }
}
