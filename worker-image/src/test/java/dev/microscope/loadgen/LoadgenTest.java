package dev.microscope.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microscope.testkit.Http;
import dev.microscope.worker.Endpoint;
import dev.microscope.worker.RunningWorker;
import dev.microscope.worker.json.Json;
import dev.microscope.worker.metrics.CodeClass;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadgenTest {
  private final List<AutoCloseable> running = new ArrayList<>();

  @AfterEach
  void stopAll() throws Exception {
    for (AutoCloseable c : running.reversed()) {
      c.close();
    }
  }

  private RunningWorker worker(String... flags) {
    RunningWorker worker = RunningWorker.start(flags);
    running.add(worker);
    return worker;
  }

  private LoadgenApp loadgen(Map<String, String> env, String... flags) {
    List<String> args =
        new ArrayList<>(List.of("--bind", "127.0.0.1", "--port", "0", "--seed", "1"));
    args.addAll(List.of(flags));
    LoadgenApp app = LoadgenApp.start(LoadgenFlags.parse(args, env), InstantSource.system());
    running.add(app);
    return app;
  }

  private static long sent(LoadgenApp loadgen, String worker) {
    long total = 0;
    for (Endpoint e : Endpoint.all()) {
      for (CodeClass c : CodeClass.values()) {
        total += loadgen.metrics().requests(worker, e, c);
      }
    }
    return total;
  }

  private static HttpResponse<String> admin(
      LoadgenApp loadgen, String token, String method, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + loadgen.port() + "/admin/traffic"))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return Http.send(request);
  }

  @Test
  void spreadsTrafficOverEveryWorkerAtTheRate() {
    RunningWorker worker = worker("--workers", "4", "--id", "w", "--time-scale", "0");
    LoadgenApp loadgen = loadgen(Map.of(), "--rate", "100", "--targets", worker.hostPort());

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              for (int i = 0; i < 4; i++) {
                assertThat(sent(loadgen, "w-" + i)).isGreaterThanOrEqualTo(50);
              }
            });
    long total = 0;
    for (int i = 0; i < 4; i++) {
      total += sent(loadgen, "w-" + i);
    }
    assertThat(sent(loadgen, "w-0"))
        .as("round robin")
        .isCloseTo(total / 4, org.assertj.core.api.Assertions.within(10L));
    String metrics = Http.get("http://127.0.0.1:" + loadgen.port() + "/metrics").body();
    assertThat(metrics)
        .contains("microscope_loadgen_rate_target_per_second{fleet=\"default\"} 100\n")
        .contains("microscope_loadgen_targets{fleet=\"default\"} 4\n");
  }

  @Test
  void anExcludedWorkerGetsNoMoreTraffic() {
    RunningWorker worker = worker("--workers", "2", "--id", "w", "--time-scale", "0");
    LoadgenApp loadgen =
        loadgen(
            Map.of("MICROSCOPE_ADMIN_TOKEN", "tok"),
            "--rate",
            "100",
            "--targets",
            worker.hostPort());
    await().atMost(Duration.ofSeconds(30)).until(() -> sent(loadgen, "w-1") > 20);

    HttpResponse<String> put =
        admin(loadgen, "tok", "PUT", "{\"rate\": 100, \"exclude\": [\"w-1\"]}");
    assertThat(put.statusCode()).isEqualTo(200);
    long excludedBefore = sent(loadgen, "w-1");
    long otherBefore = sent(loadgen, "w-0");

    await().atMost(Duration.ofSeconds(30)).until(() -> sent(loadgen, "w-0") > otherBefore + 100);
    assertThat(sent(loadgen, "w-1"))
        .as("at most what was in flight")
        .isLessThanOrEqualTo(excludedBefore + 5);
  }

  @Test
  void theAdminApiChangesRateAndMixAndFollowsTheTokenRules() {
    RunningWorker worker = worker("--time-scale", "0");
    LoadgenApp loadgen =
        loadgen(
            Map.of("MICROSCOPE_ADMIN_TOKEN", "tok"), "--rate", "5", "--targets", worker.hostPort());

    assertThat(admin(loadgen, null, "GET", null).statusCode()).isEqualTo(401);
    assertThat(admin(loadgen, "bad", "PUT", "{}").statusCode()).isEqualTo(401);
    HttpResponse<String> bad = admin(loadgen, "tok", "PUT", "{\"mix\": {\"/api/other\": 1}}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).path("field").asText()).isEqualTo("mix./api/other");
    assertThat(
            admin(loadgen, "tok", "PUT", "{\"pad\": \"" + "x".repeat(70_000) + "\"}").statusCode())
        .isEqualTo(413);
    assertThat(admin(loadgen, "tok", "DELETE", null).statusCode()).isEqualTo(405);

    JsonNode put =
        json(admin(loadgen, "tok", "PUT", "{\"rate\": 200, \"mix\": {\"/api/slow\": 1}}"));
    assertThat(put.path("rate").asDouble()).isEqualTo(200);
    assertThat(json(admin(loadgen, "tok", "GET", null))).isEqualTo(put);

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> loadgen.metrics().requests("worker", Endpoint.SLOW, CodeClass.C2XX) > 100);
    long users = loadgen.metrics().requests("worker", Endpoint.USERS, CodeClass.C2XX);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> loadgen.metrics().requests("worker", Endpoint.SLOW, CodeClass.C2XX) > 300);
    assertThat(loadgen.metrics().requests("worker", Endpoint.USERS, CodeClass.C2XX))
        .isEqualTo(users);
  }

  @Test
  void withoutATokenTheAdminApiIsOff() {
    RunningWorker worker = worker("--time-scale", "0");
    LoadgenApp loadgen = loadgen(Map.of(), "--targets", worker.hostPort());

    assertThat(admin(loadgen, "anything", "GET", null).statusCode()).isEqualTo(403);
  }

  @Test
  void disabledTrafficStops() {
    RunningWorker worker = worker("--time-scale", "0");
    LoadgenApp loadgen =
        loadgen(
            Map.of("MICROSCOPE_ADMIN_TOKEN", "tok"),
            "--rate",
            "100",
            "--targets",
            worker.hostPort());
    await().atMost(Duration.ofSeconds(30)).until(() -> sent(loadgen, "worker") > 20);

    admin(loadgen, "tok", "PUT", "{\"enabled\": false}");
    long after = sent(loadgen, "worker") + 5;

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Http.get("http://127.0.0.1:" + loadgen.port() + "/metrics")
                    .body()
                    .contains("microscope_loadgen_targets{fleet=\"default\"} 0\n"));
    assertThat(sent(loadgen, "worker")).isLessThanOrEqualTo(after);
  }

  @Test
  void beyondMaxInFlightRequestsAreSkippedAndCounted() {
    RunningWorker worker = worker("--time-scale", "0");
    worker.admin(
        "PUT", "/admin/chaos", "{\"latency\": {\"distribution\": \"fixed\", \"minMs\": 5000}}");
    LoadgenApp loadgen =
        loadgen(Map.of(), "--rate", "100", "--max-in-flight", "5", "--targets", worker.hostPort());

    await().atMost(Duration.ofSeconds(30)).until(() -> loadgen.metrics().skippedCount() > 50);
  }

  @Test
  void aWorkerThatCannotBeReachedIsCountedAsError() {
    RunningWorker worker = worker("--workers", "2", "--id", "w", "--time-scale", "0");
    LoadgenApp loadgen =
        loadgen(Map.of(), "--rate", "50", "--timeout-ms", "2000", "--targets", worker.hostPort());
    await().atMost(Duration.ofSeconds(30)).until(() -> sent(loadgen, "w-0") > 10);

    worker.close();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> loadgen.metrics().requests("w-0", Endpoint.USERS, CodeClass.ERROR) > 10);
  }

  @Test
  void theTrafficFileStartsTheTrafficAndChangesIt(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
    RunningWorker worker = worker("--workers", "2", "--id", "w", "--time-scale", "0");
    java.nio.file.Path file =
        java.nio.file.Files.writeString(
            dir.resolve("traffic.json"), "{\"rate\": 100, \"exclude\": [\"w-0\"]}");
    LoadgenApp loadgen =
        loadgen(
            Map.of(),
            "--rate",
            "1",
            "--traffic-file",
            file.toString(),
            "--targets",
            worker.hostPort());
    await().atMost(Duration.ofSeconds(30)).until(() -> sent(loadgen, "w-1") > 50);
    assertThat(sent(loadgen, "w-0")).isZero();

    java.nio.file.Files.writeString(file, "{\"rate\": 100, \"exclude\": [\"w-1\"]}");

    await().atMost(Duration.ofSeconds(30)).until(() -> sent(loadgen, "w-0") > 50);
  }

  private static JsonNode json(HttpResponse<String> response) {
    return Json.parse(response.body().getBytes(StandardCharsets.UTF_8));
  }
}
