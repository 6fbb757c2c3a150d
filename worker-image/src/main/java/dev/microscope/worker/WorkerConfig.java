package dev.microscope.worker;

import dev.microscope.chaos.ChaosSpec;
import dev.microscope.worker.http.BearerToken;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Everything the {@code worker} command was told, validated. */
public record WorkerConfig(
    String bind,
    int port,
    String id,
    String fleet,
    int workers,
    int concurrency,
    int queue,
    Profiles profiles,
    long seed,
    Optional<BearerToken> adminToken,
    Optional<Path> chaosFile,
    Optional<ChaosSpec> initialChaos,
    OptionalLong memoryLimit,
    int drainSeconds,
    CrashMode crashMode,
    boolean metrics) {

  public List<String> workerIds() {
    return VirtualWorkers.ids(id, workers);
  }
}
