package dev.microscope.loadgen;

import dev.microscope.worker.http.BearerToken;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything the {@code loadgen} command was told, validated. {@code trafficDefaults} come from the
 * flags; {@code traffic} is what starts (the traffic file when there is one).
 */
public record LoadgenConfig(
    String bind,
    int port,
    String fleet,
    long seed,
    Optional<BearerToken> adminToken,
    List<TargetSource> targets,
    TrafficSettings trafficDefaults,
    TrafficSettings traffic,
    Optional<Path> trafficFile,
    Duration timeout,
    int maxInFlight) {}
