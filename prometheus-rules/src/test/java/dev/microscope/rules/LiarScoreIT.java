package dev.microscope.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.testkit.Http;
import dev.microscope.testkit.PrometheusServer;
import dev.microscope.testkit.WorkerJar;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The liar score of these rules on real workers: one worker process hosting three virtual workers
 * (latencies scaled down 20 times), a real traffic generator sending them 30 req/s, and a real
 * Prometheus scraping both and evaluating slo.rules.yml and workers.rules.yml. {@code w-0} fails
 * 30% of its requests and hides it in its metrics; {@code w-1} fails as often and says so; {@code
 * w-2} only has its profile's errors. The liar crosses 0.5 within minutes; the honest two stay
 * under 0.2 while their errors are compared.
 */
class LiarScoreIT {
  private static final String TOKEN = "token-" + UUID.randomUUID();
  private static final String SCORE =
      "namespace_fleet_instance_worker:microscope_worker_liar:score{namespace=\"lab\",fleet=\"f\",worker=\"%s\"}";
  private static final String ERRORS_COMPONENT =
      "namespace_fleet_instance_worker:microscope_worker_liar_component:ratio{namespace=\"lab\",fleet=\"f\",worker=\"%s\",component=\"errors\"}";

  @TempDir Path dir;

  @Test
  void aWorkerHidingItsErrorsIsFlaggedAndHonestWorkersAreNot() {
    try (WorkerJar workers =
            WorkerJar.start(
                dir,
                "workers",
                "worker",
                List.of("--id", "w", "--workers", "3", "--fleet", "f", "--time-scale", "0.05"),
                Map.of("MICROSCOPE_ADMIN_TOKEN", TOKEN));
        WorkerJar loadgen =
            WorkerJar.start(
                dir,
                "loadgen",
                "loadgen",
                List.of("--fleet", "f", "--targets", workers.hostPort(), "--rate", "30"),
                Map.of());
        PrometheusServer prometheus =
            PrometheusServer.builder(dir.resolve("prometheus"))
                .ruleFile(ModuleFiles.module().resolve("slo.rules.yml"))
                .ruleFile(ModuleFiles.module().resolve("workers.rules.yml"))
                .staticJob("workers", List.of(workers.hostPort()), Map.of("namespace", "lab"))
                .staticJob("loadgen", List.of(loadgen.hostPort()), Map.of("namespace", "lab"))
                .start()) {
      chaos(
          workers,
          "w-0",
          "{\"leaseSeconds\": 3600, \"errors\": {\"rate\": 0.3},"
              + " \"lies\": {\"hideErrors\": true}}");
      chaos(workers, "w-1", "{\"leaseSeconds\": 3600, \"errors\": {\"rate\": 0.3}}");
      long start = System.nanoTime();

      await("the liar's score reaches 0.5")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofSeconds(2))
          .untilAsserted(
              () ->
                  assertThat(prometheus.value(SCORE.formatted("w-0"))).isGreaterThanOrEqualTo(0.5));
      long flagged = (System.nanoTime() - start) / 1_000_000_000;
      // the errors it hides convict it: that comparison rises to nearly all of them as the
      // 5-minute windows fill (it may cross 0.5 before it gets there)
      await("the errors component convicts the liar")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(2))
          .untilAsserted(
              () ->
                  assertThat(prometheus.value(ERRORS_COMPONENT.formatted("w-0")))
                      .isGreaterThan(0.8));

      await("the honest workers are judged")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> !Double.isNaN(prometheus.value(ERRORS_COMPONENT.formatted("w-1"))));
      await("the honest workers stay under 0.2")
          .during(Duration.ofSeconds(30))
          .atMost(Duration.ofSeconds(45))
          .pollInterval(Duration.ofSeconds(2))
          .untilAsserted(
              () -> {
                for (String honest : List.of("w-1", "w-2")) {
                  assertThat(prometheus.value(SCORE.formatted(honest))).as(honest).isLessThan(0.2);
                }
                assertThat(prometheus.value(SCORE.formatted("w-0"))).isGreaterThanOrEqualTo(0.5);
              });
      System.out.printf(
          "liar flagged %d s after its chaos; scores now w-0 %.3f, w-1 %.3f, w-2 %.3f%n",
          flagged,
          prometheus.value(SCORE.formatted("w-0")),
          prometheus.value(SCORE.formatted("w-1")),
          prometheus.value(SCORE.formatted("w-2")));
    }
  }

  private static void chaos(WorkerJar workers, String worker, String json) {
    var response =
        Http.send(
            HttpRequest.newBuilder(URI.create(workers.url("/admin/chaos/" + worker)))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }
}
