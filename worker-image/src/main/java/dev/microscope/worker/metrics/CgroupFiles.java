package dev.microscope.worker.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The control files of this process's cgroup: v2 (one hierarchy, a controller's files in the
 * process's group) or v1 (a hierarchy per controller, mounted under its controller list, e.g.
 * {@code cpu,cpuacct}).
 */
final class CgroupFiles {
  private final Path root;
  private final Path procSelfCgroup;

  /**
   * {@code root} is normally {@code /sys/fs/cgroup}, {@code procSelfCgroup} {@code
   * /proc/self/cgroup}.
   */
  CgroupFiles(Path root, Path procSelfCgroup) {
    this.root = root;
    this.procSelfCgroup = procSelfCgroup;
  }

  /**
   * The first existing of: {@code v2File} of the process's v2 group, or {@code v1File} of its
   * {@code controller}'s v1 group, in the order /proc/self/cgroup lists them. Inside a container
   * the group path is often not mounted; the root then holds the file. Empty when none exists.
   */
  Optional<Path> find(String controller, String v2File, String v1File) {
    List<String> lines;
    try {
      lines = Files.readAllLines(procSelfCgroup);
    } catch (IOException e) {
      return Optional.empty();
    }
    for (String line : lines) {
      String[] parts = line.split(":", 3);
      if (parts.length < 3) {
        continue;
      }
      String group = parts[2].startsWith("/") ? parts[2].substring(1) : parts[2];
      Optional<Path> file = Optional.empty();
      if (parts[1].isEmpty()) {
        // v2, or the v2 line of a hybrid host where the controller may still be a v1 one
        file = existing(root.resolve(group).resolve(v2File), root.resolve(v2File));
      } else if (List.of(parts[1].split(",")).contains(controller)) {
        Path hierarchy = root.resolve(parts[1]);
        file = existing(hierarchy.resolve(group).resolve(v1File), hierarchy.resolve(v1File));
      }
      if (file.isPresent()) {
        return file;
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> existing(Path preferred, Path fallback) {
    if (Files.isRegularFile(preferred)) {
      return Optional.of(preferred);
    }
    return Files.isRegularFile(fallback) ? Optional.of(fallback) : Optional.empty();
  }
}
