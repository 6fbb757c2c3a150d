package dev.microscope.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the real programs the tests run. An environment variable {@code MICROSCOPE_<NAME>_BIN}
 * (name upper-cased, dashes as underscores) overrides the PATH lookup.
 */
public final class Binaries {
  private Binaries() {}

  public static Optional<Path> find(String name) {
    String override =
        System.getenv("MICROSCOPE_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_BIN");
    if (override != null && !override.isBlank()) {
      Path path = Path.of(override);
      return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
    String pathVar = System.getenv().getOrDefault("PATH", "");
    for (String dir : pathVar.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The program, or an error that tells how to install it (tests never skip silently). */
  public static Path require(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    name
                        + " is not on the PATH. Run scripts/install-test-deps (Debian: apt-get"
                        + " install prometheus prometheus-alertmanager) or set MICROSCOPE_"
                        + name.toUpperCase(Locale.ROOT).replace('-', '_')
                        + "_BIN."));
  }
}
