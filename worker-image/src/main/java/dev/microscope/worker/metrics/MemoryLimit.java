package dev.microscope.worker.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The memory limit of this process's cgroup, v2 ({@code memory.max}) or v1 ({@code
 * memory.limit_in_bytes}). Empty when unlimited or unknown.
 */
public final class MemoryLimit {
  // cgroup v1 reports "no limit" as a page-rounded Long.MAX_VALUE; anything this big is no limit
  private static final long UNLIMITED_FROM = 1L << 62;

  private final CgroupFiles cgroup;

  /**
   * {@code cgroupRoot} is normally {@code /sys/fs/cgroup}, {@code procSelfCgroup} {@code
   * /proc/self/cgroup}.
   */
  public MemoryLimit(Path cgroupRoot, Path procSelfCgroup) {
    this.cgroup = new CgroupFiles(cgroupRoot, procSelfCgroup);
  }

  public static MemoryLimit ofThisProcess() {
    return new MemoryLimit(Path.of("/sys/fs/cgroup"), Path.of("/proc/self/cgroup"));
  }

  public OptionalLong read() {
    return cgroup
        .find("memory", "memory.max", "memory.limit_in_bytes")
        .map(MemoryLimit::parse)
        .orElse(OptionalLong.empty());
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
