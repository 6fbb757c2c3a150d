package dev.microscope.docs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Whether {@code bin/microscope local} exists yet: the labs' {@code needs=local} blocks run on it.
 */
final class LocalMode {
  private LocalMode() {}

  /** Empty when local mode works; otherwise what {@code bin/microscope local --help} answered. */
  static Optional<String> unavailable(Path workDir) {
    var result =
        ShellRun.run(
            "bin/microscope local --help",
            Map.of(),
            Duration.ofSeconds(60),
            workDir.resolve("local-probe.out"));
    if (result.output().contains("not available yet")) {
      return Optional.of(result.output().strip());
    }
    return Optional.empty();
  }
}
