package dev.microscope.operator.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microscope.operator.api.v1alpha1.ComputeResources;
import dev.microscope.operator.api.v1alpha1.ResourcesSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WorkerLaunchTest {
  private static final long MIB = 1024 * 1024;

  private final WorkerLaunch launch =
      new WorkerLaunch(
          Path.of("/jdk/bin/java"),
          Path.of("/w.jar"),
          FleetFile.read(Scenario.fleet("leak")),
          Path.of("/run/admin-token"),
          null);

  @Test
  void theMemoryLimitComesFromTheStatusElseTheSpec() {
    assertThat(launch.memoryLimitBytes(null)).isEqualTo(320 * MIB);
    var chosen = new ResourcesSpec();
    chosen.setLimits(new ComputeResources("1", "512Mi"));
    assertThat(launch.memoryLimitBytes(chosen)).isEqualTo(512 * MIB);
  }

  @Test
  void aWorkerGetsItsLimitAndAHeapBelowIt() {
    var args = launch.worker("leak-worker-0", 4711, 320 * MIB);
    assertThat(args.get(0)).isEqualTo("/jdk/bin/java");
    assertThat(args)
        .contains("-Xmx240m", "-XX:+ExitOnOutOfMemoryError", "-jar", "/w.jar", "worker");
    assertThat(String.join(" ", args))
        .contains("--bind 127.0.0.1 --port 4711 --id leak-worker-0 --fleet leak --workers 1")
        .contains("--admin-token-file /run/admin-token")
        .contains("--memory-limit " + 320 * MIB)
        .doesNotContain("--profiles");
  }

  @Test
  void theTrafficGeneratorReadsItsTargetsAndTrafficFromFiles() {
    var args =
        String.join(
            " ", launch.loadgen(4712, Path.of("/run/t.json"), Path.of("/run/traffic.json")));
    assertThat(args)
        .contains(" loadgen --bind 127.0.0.1 --port 4712 --fleet leak")
        .contains("--targets-file /run/t.json --traffic-file /run/traffic.json");
  }
}
