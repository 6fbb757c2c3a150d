package dev.microscope.operator.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds Prometheus and Alertmanager: the path given by flag, else the first name on the PATH. */
final class Tools {
  static final String INSTALL =
      "install them with scripts/install-test-deps (Debian/Ubuntu: sudo apt-get install"
          + " prometheus prometheus-alertmanager), or download them from"
          + " https://prometheus.io/download/";

  private Tools() {}

  /**
   * @param flag the option that names the binary, for the error message
   * @throws IllegalStateException saying how to install it when it is nowhere
   */
  static Path find(Path given, String flag, List<String> names) {
    if (given != null) {
      if (!Files.isExecutable(given)) {
        throw new IllegalStateException(flag + " " + given + " is not an executable file");
      }
      return given;
    }
    return names.stream()
        .map(Tools::onPath)
        .flatMap(Optional::stream)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    String.join(" or ", names)
                        + " not found on the PATH: "
                        + INSTALL
                        + "; or pass "
                        + flag));
  }

  private static Optional<Path> onPath(String name) {
    var path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      var candidate = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
