package dev.microscope.operator.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The folder of etcd, kube-apiserver and kube-controller-manager that e2e/k8s-bin/build.sh fills.
 * {@code MICROSCOPE_K8S_BIN_DIR} names it (scripts/test sets it to what it just built); without it,
 * the folder is found the way build.sh lays it out: {@code
 * ${MICROSCOPE_CACHE_DIR:-~/.cache/microscope}/k8s/<K8S_VERSION>-<os>-<arch>}, the version read
 * from e2e/k8s-bin/env.sh so it is pinned in one place.
 */
record KubeBinaries(Path dir) {
  static final List<String> REQUIRED = List.of("etcd", "kube-apiserver", "kube-controller-manager");
  private static final Pattern VERSION =
      Pattern.compile("(?m)^K8S_VERSION=\\$\\{K8S_VERSION:-([^}]+)}");

  static KubeBinaries locate() {
    var explicit = System.getenv("MICROSCOPE_K8S_BIN_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return new KubeBinaries(Path.of(explicit));
    }
    var cache = System.getenv("MICROSCOPE_CACHE_DIR");
    var root =
        cache == null || cache.isBlank()
            ? Path.of(System.getProperty("user.home"), ".cache", "microscope")
            : Path.of(cache);
    return new KubeBinaries(root.resolve("k8s").resolve(version() + "-" + platform()));
  }

  Path binary(String name) {
    return dir.resolve(name);
  }

  /** The required binaries that are not there, empty when the tier can run. */
  List<String> missing() {
    return REQUIRED.stream().filter(b -> !Files.isExecutable(binary(b))).toList();
  }

  private static String version() {
    var envSh = RepositoryFiles.root().resolve("e2e/k8s-bin/env.sh");
    try {
      var matcher = VERSION.matcher(Files.readString(envSh));
      if (!matcher.find()) {
        throw new IllegalStateException("no K8S_VERSION default in " + envSh);
      }
      return matcher.group(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String platform() {
    var arch =
        switch (System.getProperty("os.arch")) {
          case "amd64", "x86_64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          default -> System.getProperty("os.arch");
        };
    return System.getProperty("os.name").toLowerCase(Locale.ROOT).split(" ")[0] + "-" + arch;
  }
}
