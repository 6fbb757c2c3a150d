package dev.microscope.worker.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The CPU this process may use, in cores: its cgroup's quota over period, v2 ({@code cpu.max}) or
 * v1 ({@code cpu.cfs_quota_us} / {@code cpu.cfs_period_us}); the processors the JVM sees where
 * there is no quota. Unlike {@link Runtime#availableProcessors()} it keeps a fraction: a container
 * limited to 500m has 0.5 cores, not 1.
 */
public final class CpuLimit {
  private final Path cgroupRoot;
  private final Path procSelfCgroup;

  /**
   * {@code cgroupRoot} is normally {@code /sys/fs/cgroup}, {@code procSelfCgroup} {@code
   * /proc/self/cgroup}.
   */
  public CpuLimit(Path cgroupRoot, Path procSelfCgroup) {
    this.cgroupRoot = cgroupRoot;
    this.procSelfCgroup = procSelfCgroup;
  }

  public static CpuLimit ofThisProcess() {
    return new CpuLimit(Path.of("/sys/fs/cgroup"), Path.of("/proc/self/cgroup"));
  }

  /** The cgroup's quota in cores, else the processors the JVM sees. */
  public double cores() {
    return quota().orElse(Runtime.getRuntime().availableProcessors());
  }

  /** The cgroup's quota in cores; empty without a quota or where it cannot be read. */
  public OptionalDouble quota() {
    List<String> lines;
    try {
      lines = Files.readAllLines(procSelfCgroup);
    } catch (IOException e) {
      return OptionalDouble.empty();
    }
    for (String line : lines) {
      String[] parts = line.split(":", 3);
      if (parts.length < 3) {
        continue;
      }
      String group = parts[2].startsWith("/") ? parts[2].substring(1) : parts[2];
      if (parts[1].isEmpty()) {
        Path max =
            existing(cgroupRoot.resolve(group).resolve("cpu.max"), cgroupRoot.resolve("cpu.max"));
        if (max != null) {
          return v2(max);
        }
      } else if (List.of(parts[1].split(",")).contains("cpu")) {
        Path dir = cgroupRoot.resolve(parts[1]);
        Path groupDir = dir.resolve(group);
        Path base = Files.isRegularFile(groupDir.resolve("cpu.cfs_quota_us")) ? groupDir : dir;
        return v1(base.resolve("cpu.cfs_quota_us"), base.resolve("cpu.cfs_period_us"));
      }
    }
    return OptionalDouble.empty();
  }

  /** Inside a container the group path is often not mounted; the root then holds the quota. */
  private static Path existing(Path preferred, Path fallback) {
    if (Files.isRegularFile(preferred)) {
      return preferred;
    }
    return Files.isRegularFile(fallback) ? fallback : null;
  }

  /** {@code "max 100000"} (no quota) or {@code "50000 100000"}. */
  private static OptionalDouble v2(Path file) {
    try {
      String[] fields = Files.readString(file).strip().split("\\s+");
      if (fields.length != 2 || fields[0].equals("max")) {
        return OptionalDouble.empty();
      }
      return ratio(Long.parseLong(fields[0]), Long.parseLong(fields[1]));
    } catch (IOException | NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  /** A quota of -1 is none. */
  private static OptionalDouble v1(Path quotaFile, Path periodFile) {
    try {
      long quota = Long.parseLong(Files.readString(quotaFile).strip());
      long period = Long.parseLong(Files.readString(periodFile).strip());
      return quota < 0 ? OptionalDouble.empty() : ratio(quota, period);
    } catch (IOException | NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  private static OptionalDouble ratio(long quota, long period) {
    return quota > 0 && period > 0
        ? OptionalDouble.of((double) quota / period)
        : OptionalDouble.empty();
  }
}
