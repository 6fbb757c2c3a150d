package dev.microscope.loadgen;

import dev.microscope.worker.cli.CommonFlags;
import dev.microscope.worker.cli.Flag;
import dev.microscope.worker.cli.FlagValues;
import dev.microscope.worker.cli.Usage;
import dev.microscope.worker.json.BadFieldException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The flags of the {@code loadgen} command (docs/contract.md, "Command line"). */
public final class LoadgenFlags {
  static final List<Flag> FLAGS =
      List.of(
          CommonFlags.port("8089"),
          CommonFlags.BIND,
          CommonFlags.FLEET,
          CommonFlags.SEED,
          CommonFlags.ADMIN_TOKEN_FILE,
          Flag.of("--targets", null, "worker processes, host:port,...", "MICROSCOPE_TARGETS"),
          Flag.of("--targets-file", null, "file_sd JSON or one host:port a line; watched"),
          Flag.of("--targets-dns", null, "name:port, every address re-resolved each 5 s"),
          Flag.of("--rate", "10", "requests per second over all workers"),
          Flag.of("--pattern", "constant", "constant, sine or burst"),
          Flag.of("--mix", "/api/users=70,/api/orders=25,/api/slow=5", "endpoint weights"),
          Flag.of("--traffic-file", null, "traffic (admin PUT JSON), re-applied when it changes"),
          Flag.of("--timeout-ms", "10000", "per request"),
          Flag.of("--max-in-flight", "256", "requests in flight; beyond it requests are skipped"));

  private LoadgenFlags() {}

  public static String usage() {
    return Usage.render(
        "microscope-worker loadgen [flags]",
        "Sends traffic to workers and measures, per worker, what it got back.",
        FLAGS);
  }

  public static LoadgenConfig parse(List<String> args, Map<String, String> env) {
    FlagValues v = FlagValues.parse(FLAGS, args, env);
    double rate = v.number("--rate", 0, TrafficSettingsJson.MAX_RATE);
    RatePattern pattern =
        TrafficSettingsJson.defaultPattern(
            v.choice("--pattern", List.of("constant", "sine", "burst")), rate);
    EndpointMix mix;
    try {
      mix = EndpointMix.parse(v.string("--mix"));
    } catch (IllegalArgumentException e) {
      throw v.fail("--mix", e.getMessage());
    }
    TrafficSettings flags = new TrafficSettings(true, rate, pattern, mix, Set.of());
    Optional<Path> trafficFile = v.readableFile("--traffic-file");
    TrafficSettings traffic = trafficFile.map(f -> trafficFile(v, f, flags)).orElse(flags);
    return new LoadgenConfig(
        v.string("--bind"),
        CommonFlags.port(v),
        v.string("--fleet"),
        CommonFlags.seed(v),
        CommonFlags.adminToken(v, env),
        targets(v),
        flags,
        traffic,
        trafficFile,
        Duration.ofMillis(v.integer("--timeout-ms", 1, 600_000)),
        v.integer("--max-in-flight", 1, 100_000));
  }

  private static List<TargetSource> targets(FlagValues v) {
    List<TargetSource> sources = new ArrayList<>();
    v.optional("--targets")
        .ifPresent(
            list -> {
              List<String> targets = new ArrayList<>();
              for (String target : list.split(",")) {
                if (!target.isBlank()) {
                  targets.add(check(v, "--targets", target.strip()));
                }
              }
              sources.add(new StaticTargets(targets));
            });
    Optional<Path> file = v.readableFile("--targets-file");
    if (file.isPresent()) {
      try {
        FileTargets.parse(Files.readAllBytes(file.get()));
      } catch (IOException | RuntimeException e) {
        throw v.fail("--targets-file", e.getMessage());
      }
      sources.add(new FileTargets(file.get()));
    }
    v.optional("--targets-dns")
        .ifPresent(dns -> sources.add(DnsTargets.parse(check(v, "--targets-dns", dns.strip()))));
    if (sources.isEmpty()) {
      throw v.fail("--targets", "give at least one of --targets, --targets-file, --targets-dns");
    }
    return sources;
  }

  private static String check(FlagValues v, String flag, String target) {
    try {
      return HostPort.check(target);
    } catch (IllegalArgumentException e) {
      throw v.fail(flag, e.getMessage());
    }
  }

  private static TrafficSettings trafficFile(FlagValues v, Path file, TrafficSettings defaults) {
    try {
      return TrafficSettingsJson.parse(Files.readAllBytes(file), defaults);
    } catch (BadFieldException e) {
      throw v.fail("--traffic-file", e.getMessage() + " (field " + e.field() + ")");
    } catch (IOException e) {
      throw v.fail("--traffic-file", "cannot read " + file + ": " + e.getMessage());
    }
  }
}
