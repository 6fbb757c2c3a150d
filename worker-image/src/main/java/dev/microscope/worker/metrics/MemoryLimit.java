package dev.microscope.worker.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The memory limit of this process's cgroup, v2 ({@code memory.max}) or v1 ({@code
 * memory.limit_in_bytes}). Empty when unlimited or unknown.
 */
public final class MemoryLimit {
  // cgroup v1 reports "no limit" as a page-rounded Long.MAX_VALUE; anything this big is no limit
  private static final long UNLIMITED_FROM = 1L << 62;

  private final Path cgroupRoot;
  private final Path procSelfCgroup;

  /**
   * {@code cgroupRoot} is normally {@code /sys/fs/cgroup}, {@code procSelfCgroup} {@code
   * /proc/self/cgroup}.
   */
  public MemoryLimit(Path cgroupRoot, Path procSelfCgroup) {
    this.cgroupRoot = cgroupRoot;
    this.procSelfCgroup = procSelfCgroup;
  }

  public static MemoryLimit ofThisProcess() {
    return new MemoryLimit(Path.of("/sys/fs/cgroup"), Path.of("/proc/self/cgroup"));
  }

  public OptionalLong read() {
    List<String> lines;
    try {
      lines = Files.readAllLines(procSelfCgroup);
    } catch (IOException e) {
      return OptionalLong.empty();
    }
    for (String line : lines) {
      String[] parts = line.split(":", 3);
      if (parts.length < 3) {
        continue;
      }
      String group = parts[2].startsWith("/") ? parts[2].substring(1) : parts[2];
      Path file = null;
      if (parts[1].isEmpty()) {
        // v2 (or the v2 line of a hybrid host, where memory may still be a v1 controller)
        file =
            existing(
                cgroupRoot.resolve(group).resolve("memory.max"), cgroupRoot.resolve("memory.max"));
      } else if (List.of(parts[1].split(",")).contains("memory")) {
        Path v1 = cgroupRoot.resolve("memory");
        file =
            existing(
                v1.resolve(group).resolve("memory.limit_in_bytes"),
                v1.resolve("memory.limit_in_bytes"));
      }
      if (file != null) {
        return parse(file);
      }
    }
    return OptionalLong.empty();
  }

  /** Inside a container the group path is often not mounted; the root then holds the limit. */
  private static Path existing(Path preferred, Path fallback) {
    if (Files.isRegularFile(preferred)) {
      return preferred;
    }
    return Files.isRegularFile(fallback) ? fallback : null;
  }

  private static OptionalLong parse(Path file) {
    try {
      String text = Files.readString(file).strip();
      if (text.equals("max")) {
        return OptionalLong.empty();
      }
      long bytes = Long.parseLong(text);
      return bytes >= UNLIMITED_FROM ? OptionalLong.empty() : OptionalLong.of(bytes);
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
