package dev.microscope.worker.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * The CPU this process may use, in cores: its cgroup's quota over period, v2 ({@code cpu.max}) or
 * v1 ({@code cpu.cfs_quota_us} / {@code cpu.cfs_period_us}); the processors the JVM sees where
 * there is no quota. Unlike {@link Runtime#availableProcessors()} it keeps a fraction: a container
 * limited to 500m has 0.5 cores, not 1.
 */
public final class CpuLimit {
  private final CgroupFiles cgroup;

  /**
   * {@code cgroupRoot} is normally {@code /sys/fs/cgroup}, {@code procSelfCgroup} {@code
   * /proc/self/cgroup}.
   */
  public CpuLimit(Path cgroupRoot, Path procSelfCgroup) {
    this.cgroup = new CgroupFiles(cgroupRoot, procSelfCgroup);
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
    return cgroup
        .find("cpu", "cpu.max", "cpu.cfs_quota_us")
        .map(
            file ->
                file.getFileName().toString().equals("cpu.max")
                    ? v2(file)
                    : v1(file, file.resolveSibling("cpu.cfs_period_us")))
        .orElse(OptionalDouble.empty());
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
