package dev.microscope.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.testkit.Http;
import dev.microscope.testkit.WorkerJar;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worker and traffic generator tables of docs/reference/metrics.md are exactly what the real
 * processes export: a worker with every fault that makes a series of its own switched on (short
 * lease, so the lease expires too), a traffic generator sending it requests, and a garbage
 * collection forced in both so the JVM's collector series exist. Every exported family is
 * documented with its type, and every documented family is exported.
 */
class MetricsReferenceIT {
  private static final String TOKEN = "token-" + UUID.randomUUID();
  private static final String CHAOS =
      """
      {"leaseSeconds": 3, "level": 0.5, "errors": {"rate": 0.2},
       "latency": {"probability": 0.5, "minMs": 1, "maxMs": 5},
       "memoryLeak": {"bytesPerSecond": 4096, "maxBytes": 65536},
       "cardinality": {"seriesPerSecond": 5, "maxSeries": 10},
       "lies": {"latencyFactor": 0.5}}
      """;

  @TempDir Path dir;

  @Test
  void workerAndTrafficGeneratorExportWhatTheReferenceSays() throws Exception {
    var doc = MetricsDoc.read(RepoFiles.of("docs/reference/metrics.md"));
    try (var worker =
            WorkerJar.start(
                dir,
                "worker",
                "worker",
                List.of(
                    "--id",
                    "w",
                    "--workers",
                    "2",
                    "--fleet",
                    "docs",
                    "--time-scale",
                    "0.05",
                    "--memory-limit",
                    "64Mi"),
                Map.of("MICROSCOPE_ADMIN_TOKEN", TOKEN));
        var loadgen =
            WorkerJar.start(
                dir,
                "loadgen",
                "loadgen",
                List.of("--fleet", "docs", "--targets", worker.hostPort(), "--rate", "20"),
                Map.of())) {
      var put =
          Http.send(
              HttpRequest.newBuilder(URI.create(worker.url("/admin/chaos")))
                  .header("Authorization", "Bearer " + TOKEN)
                  .PUT(HttpRequest.BodyPublishers.ofString(CHAOS)));
      assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
      await("the lease expires and traffic arrives")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                String text = Http.get(worker.url("/metrics")).body();
                return text.contains("microscope_worker_chaos_lease_expirations_total{")
                    && text.contains("microscope_worker_requests_total{");
              });
      collectGarbage(worker);
      collectGarbage(loadgen);

      var workerFamilies = Exposition.families(Http.get(worker.url("/metrics")).body());
      var loadgenFamilies = Exposition.families(Http.get(loadgen.url("/metrics")).body());

      assertThat(Exposition.only(workerFamilies, "microscope_"))
          .as("worker series (docs/reference/metrics.md, ## Worker)")
          .isEqualTo(new TreeMap<>(doc.section("Worker")));
      assertThat(Exposition.only(loadgenFamilies, "microscope_"))
          .as("traffic generator series (## Traffic generator)")
          .isEqualTo(new TreeMap<>(doc.section("Traffic generator")));
      var runtime = new TreeMap<>(doc.section("JVM and process: worker and traffic generator"));
      assertThat(Exposition.only(workerFamilies, "jvm_", "process_"))
          .as("worker JVM and process series")
          .isEqualTo(runtime);
      assertThat(Exposition.only(loadgenFamilies, "jvm_", "process_"))
          .as("traffic generator JVM and process series")
          .isEqualTo(runtime);
      assertThat(Exposition.only(workerFamilies, "microscope_", "jvm_", "process_"))
          .as("nothing outside the documented prefixes")
          .hasSameSizeAs(workerFamilies);
    }
  }

  /** Makes the JVM report its collector (series that exist only after the first collection). */
  private static void collectGarbage(WorkerJar process) throws Exception {
    var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    var run =
        new ProcessBuilder(jcmd, Long.toString(process.pid()), "GC.run")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("jcmd GC.run finished").isTrue();
      assertThat(run.exitValue()).as("jcmd GC.run exit code").isZero();
    } finally {
      run.destroyForcibly();
    }
  }
}
