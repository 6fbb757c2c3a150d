package dev.microscope.worker.cli;

import dev.microscope.worker.http.BearerToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** The flags the worker and the traffic generator share, and how both read them. */
public final class CommonFlags {
  /** Holds the admin token itself (not a file), for setups that inject secrets as variables. */
  public static final String ADMIN_TOKEN_ENV = "MICROSCOPE_ADMIN_TOKEN";

  public static final Flag BIND = Flag.of("--bind", "0.0.0.0", "address to listen on");
  public static final Flag FLEET =
      Flag.of("--fleet", "default", "fleet label on every series", "MICROSCOPE_FLEET");
  public static final Flag SEED =
      Flag.of("--seed", null, "seed of every random choice (default: random)", "MICROSCOPE_SEED");
  public static final Flag ADMIN_TOKEN_FILE =
      Flag.of(
          "--admin-token-file",
          null,
          "file holding the admin bearer token (or the token itself in "
              + ADMIN_TOKEN_ENV
              + "); without one the admin API answers 403");

  private CommonFlags() {}

  public static Flag port(String defaultPort) {
    return Flag.of("--port", defaultPort, "HTTP port (0 picks a free one)", "MICROSCOPE_PORT");
  }

  public static int port(FlagValues values) {
    return values.integer("--port", 0, 65535);
  }

  /** The given seed, or a fresh random one (logged at start so a run can be repeated). */
  public static long seed(FlagValues values) {
    return values.optionalLong("--seed").orElseGet(() -> ThreadLocalRandom.current().nextLong());
  }

  /** The token from {@code --admin-token-file}, else from the environment; empty when neither. */
  public static Optional<BearerToken> adminToken(FlagValues values, Map<String, String> env) {
    Optional<Path> file = values.readableFile(ADMIN_TOKEN_FILE.name());
    if (file.isPresent()) {
      try {
        String token = Files.readString(file.get()).strip();
        if (token.isEmpty()) {
          throw values.fail(ADMIN_TOKEN_FILE.name(), "file " + file.get() + " is empty");
        }
        return Optional.of(BearerToken.of(token));
      } catch (IOException e) {
        throw values.fail(
            ADMIN_TOKEN_FILE.name(), "cannot read " + file.get() + ": " + e.getMessage());
      }
    }
    String token = env.getOrDefault(ADMIN_TOKEN_ENV, "").strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(BearerToken.of(token));
  }
}
