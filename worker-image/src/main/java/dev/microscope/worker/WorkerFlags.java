package dev.microscope.worker;

import dev.microscope.chaos.ChaosSpec;
import dev.microscope.chaos.ChaosSpecJson;
import dev.microscope.worker.cli.ByteSize;
import dev.microscope.worker.cli.CommonFlags;
import dev.microscope.worker.cli.Flag;
import dev.microscope.worker.cli.FlagValues;
import dev.microscope.worker.cli.Usage;
import dev.microscope.worker.json.BadFieldException;
import dev.microscope.worker.metrics.MemoryLimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** The flags of the {@code worker} command (docs/contract.md, "Command line"). */
public final class WorkerFlags {
  static final List<Flag> FLAGS =
      List.of(
          CommonFlags.port("8080"),
          CommonFlags.BIND,
          Flag.of(
              "--id",
              "worker",
              "worker id (prefix of the ids when --workers > 1)",
              "MICROSCOPE_WORKER_ID",
              "POD_NAME",
              "HOSTNAME"),
          CommonFlags.FLEET,
          Flag.of("--workers", "1", "virtual workers in this process", "MICROSCOPE_WORKERS"),
          Flag.of("--concurrency", "32", "pool size per virtual worker"),
          Flag.of("--queue", "64", "queue capacity per virtual worker"),
          Flag.of(
              "--time-scale", "1.0", "multiplies every profile latency", "MICROSCOPE_TIME_SCALE"),
          Flag.of("--profiles", null, "JSON file overriding endpoint profiles"),
          CommonFlags.SEED,
          CommonFlags.ADMIN_TOKEN_FILE,
          Flag.of(
              "--chaos-file",
              null,
              "initial chaos (admin PUT JSON) for every worker, re-applied when the file changes"),
          Flag.of(
              "--memory-limit",
              null,
              "memory limit to report, bytes or 64Mi (default: the cgroup's)",
              "MICROSCOPE_MEMORY_LIMIT"),
          Flag.of("--drain-seconds", "10", "graceful shutdown deadline after SIGTERM"),
          Flag.of(
              "--crash-mode",
              null,
              "exit or virtual (default: exit with one worker, else virtual)"),
          Flag.of(
              "--metrics",
              "on",
              "on, or off: nothing recorded, no /metrics (a baseline for the instrumentation's"
                  + " cost)"));

  private WorkerFlags() {}

  public static String usage() {
    return Usage.render(
        "microscope-worker worker [flags]",
        "A small HTTP service with fault injectors, an admin API and Prometheus metrics.",
        FLAGS);
  }

  public static WorkerConfig parse(List<String> args, Map<String, String> env) {
    FlagValues v = FlagValues.parse(FLAGS, args, env);
    int workers = v.integer("--workers", 1, 100_000);
    double timeScale = v.number("--time-scale", 0, 1000);
    String crashDefault = workers == 1 ? "exit" : "virtual";
    String crashMode =
        v.optional("--crash-mode").isPresent()
            ? v.choice("--crash-mode", List.of("exit", "virtual"))
            : crashDefault;
    Optional<Path> chaosFile = v.readableFile("--chaos-file");
    return new WorkerConfig(
        v.string("--bind"),
        CommonFlags.port(v),
        v.string("--id").strip(),
        v.string("--fleet"),
        workers,
        v.integer("--concurrency", 1, 100_000),
        v.integer("--queue", 0, 1_000_000),
        profiles(v, timeScale),
        CommonFlags.seed(v),
        CommonFlags.adminToken(v, env),
        chaosFile,
        chaosFile.map(file -> initialChaos(v, file)),
        memoryLimit(v),
        v.integer("--drain-seconds", 0, 3600),
        crashMode.equals("exit") ? CrashMode.EXIT : CrashMode.VIRTUAL,
        v.choice("--metrics", List.of("on", "off")).equals("on"));
  }

  private static Profiles profiles(FlagValues v, double timeScale) {
    Optional<Path> file = v.readableFile("--profiles");
    if (file.isEmpty()) {
      return Profiles.defaults(timeScale);
    }
    try {
      return Profiles.parse(read(v, "--profiles", file.get()), timeScale);
    } catch (BadFieldException e) {
      throw v.fail("--profiles", e.getMessage() + " (field " + e.field() + ")");
    }
  }

  private static ChaosSpec initialChaos(FlagValues v, Path file) {
    try {
      return ChaosSpecJson.parse(read(v, "--chaos-file", file));
    } catch (BadFieldException e) {
      throw v.fail("--chaos-file", e.getMessage() + " (field " + e.field() + ")");
    }
  }

  private static OptionalLong memoryLimit(FlagValues v) {
    Optional<String> given = v.optional("--memory-limit");
    if (given.isEmpty()) {
      return MemoryLimit.ofThisProcess().read();
    }
    try {
      return OptionalLong.of(ByteSize.parse(given.get()));
    } catch (IllegalArgumentException e) {
      throw v.fail("--memory-limit", e.getMessage());
    }
  }

  private static byte[] read(FlagValues v, String flag, Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw v.fail(flag, "cannot read " + file + ": " + e.getMessage());
    }
  }
}
