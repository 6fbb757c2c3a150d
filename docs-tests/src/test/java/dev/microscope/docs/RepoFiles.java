package dev.microscope.docs;

import java.nio.file.Path;

/** Paths in the repository this module is built from (system property {@code microscope.root}). */
final class RepoFiles {
  private RepoFiles() {}

  static Path root() {
    return Path.of(System.getProperty("microscope.root", "..")).toAbsolutePath().normalize();
  }

  static Path of(String relative) {
    return root().resolve(relative);
  }
}
