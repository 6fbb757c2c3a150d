package dev.microscope.operator.it;

import java.nio.file.Path;

/** Files of this repository the tier reads: the CRD, the chart, the binaries' version pin. */
final class RepositoryFiles {
  private RepositoryFiles() {}

  static Path root() {
    return Path.of(System.getProperty("microscope.repositoryRoot", ".."))
        .toAbsolutePath()
        .normalize();
  }

  static Path crd() {
    return root().resolve("crds/chaosfleets.microscope.dev-v1.yml");
  }

  static Path chart() {
    return root().resolve("helm/microscope");
  }
}
