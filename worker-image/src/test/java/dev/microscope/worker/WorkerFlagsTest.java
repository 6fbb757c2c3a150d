package dev.microscope.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microscope.worker.cli.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerFlagsTest {
  @TempDir Path dir;

  private static WorkerConfig parse(Map<String, String> env, String... args) {
    return WorkerFlags.parse(List.of(args), env);
  }

  @Test
  void defaultsAreThoseOfTheContract() {
    WorkerConfig config = parse(Map.of(), "--memory-limit", "64Mi");

    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.bind()).isEqualTo("0.0.0.0");
    assertThat(config.id()).isEqualTo("worker");
    assertThat(config.fleet()).isEqualTo("default");
    assertThat(config.workers()).isEqualTo(1);
    assertThat(config.concurrency()).isEqualTo(32);
    assertThat(config.queue()).isEqualTo(64);
    assertThat(config.profiles().timeScale()).isEqualTo(1.0);
    assertThat(config.drainSeconds()).isEqualTo(10);
    assertThat(config.crashMode()).isEqualTo(CrashMode.EXIT);
    assertThat(config.metrics()).isTrue();
    assertThat(config.adminToken()).isEmpty();
    assertThat(config.memoryLimit()).hasValue(64L << 20);
    assertThat(config.workerIds()).containsExactly("worker");
  }

  @Test
  void theEnvironmentFillsWhatTheCommandLineLeavesOut() {
    WorkerConfig config =
        parse(
            Map.of(
                "POD_NAME", "pod-a",
                "HOSTNAME", "host-a",
                "MICROSCOPE_FLEET", "shop",
                "MICROSCOPE_WORKERS", "3",
                "MICROSCOPE_SEED", "99",
                "MICROSCOPE_TIME_SCALE", "0.1",
                "MICROSCOPE_PORT", "9000",
                "MICROSCOPE_ADMIN_TOKEN", "t"),
            "--port=9100");

    assertThat(config.port()).as("the command line wins").isEqualTo(9100);
    assertThat(config.id()).as("POD_NAME before HOSTNAME").isEqualTo("pod-a");
    assertThat(config.fleet()).isEqualTo("shop");
    assertThat(config.seed()).isEqualTo(99);
    assertThat(config.profiles().timeScale()).isEqualTo(0.1);
    assertThat(config.crashMode())
        .as("several workers crash virtually")
        .isEqualTo(CrashMode.VIRTUAL);
    assertThat(config.workerIds()).containsExactly("pod-a-0", "pod-a-1", "pod-a-2");
    assertThat(config.adminToken()).isPresent();
  }

  @Test
  void badValuesNameTheFlagAndWhereTheValueCameFrom() {
    assertThatThrownBy(() -> parse(Map.of(), "--workers", "0"))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--workers: must be an integer from 1 to");
    assertThatThrownBy(() -> parse(Map.of("MICROSCOPE_WORKERS", "many")))
        .hasMessageStartingWith("--workers (from MICROSCOPE_WORKERS): ");
    assertThatThrownBy(() -> parse(Map.of(), "--bogus", "1")).hasMessage("unknown flag --bogus");
    assertThatThrownBy(() -> parse(Map.of(), "--port")).hasMessage("--port: needs a value");
    assertThatThrownBy(() -> parse(Map.of(), "--crash-mode", "explode"))
        .hasMessageStartingWith("--crash-mode: must be one of exit, virtual");
    assertThatThrownBy(() -> parse(Map.of(), "--metrics", "maybe"))
        .hasMessageStartingWith("--metrics: must be one of on, off");
    assertThatThrownBy(() -> parse(Map.of(), "--memory-limit", "lots"))
        .hasMessageStartingWith("--memory-limit: must be a byte count");
    assertThatThrownBy(() -> parse(Map.of(), "--profiles", dir.resolve("missing").toString()))
        .hasMessageStartingWith("--profiles: cannot read file");
  }

  @Test
  void filesAreCheckedAtStartNamingFlagAndField() throws IOException {
    Path chaos = Files.writeString(dir.resolve("chaos.json"), "{\"errors\": {\"rate\": 7}}");
    Path profiles =
        Files.writeString(dir.resolve("p.json"), "{\"endpoints\": {\"/api/other\": {}}}");
    Path empty = Files.writeString(dir.resolve("token"), "\n");

    assertThatThrownBy(() -> parse(Map.of(), "--chaos-file", chaos.toString()))
        .hasMessageStartingWith(
            "--chaos-file: errors.rate must be from 0 to 1 (field errors.rate)");
    assertThatThrownBy(() -> parse(Map.of(), "--profiles", profiles.toString()))
        .hasMessageContaining("--profiles: unknown endpoint endpoints./api/other");
    assertThatThrownBy(() -> parse(Map.of(), "--admin-token-file", empty.toString()))
        .hasMessageContaining("--admin-token-file: file")
        .hasMessageEndingWith("is empty");
  }

  @Test
  void aProfilesFileOverridesSomeFields() throws IOException {
    Path profiles =
        Files.writeString(
            dir.resolve("p.json"), "{\"endpoints\": {\"/api/users\": {\"errorRate\": 0.5}}}");

    WorkerConfig config = parse(Map.of(), "--profiles", profiles.toString());

    assertThat(config.profiles().of(Endpoint.USERS)).isEqualTo(new EndpointProfile(50, 200, 0.5));
    assertThat(config.profiles().of(Endpoint.SLOW)).isEqualTo(Endpoint.SLOW.defaultProfile());
  }

  @Test
  void theMainCommandExitsWith2OnBadFlagsAnd0ForHelp() {
    assertThat(Main.run(List.of("worker", "--workers", "x"), Map.of())).isEqualTo(2);
    assertThat(Main.run(List.of("loadgen"), Map.of())).as("no targets").isEqualTo(2);
    assertThat(Main.run(List.of("fly"), Map.of())).isEqualTo(2);
    assertThat(Main.run(List.of(), Map.of())).isEqualTo(2);
    assertThat(Main.run(List.of("worker", "--help"), Map.of())).isEqualTo(0);
    assertThat(Main.run(List.of("loadgen", "-h"), Map.of())).isEqualTo(0);
    assertThat(Main.run(List.of("--help"), Map.of())).isEqualTo(0);
  }
}
