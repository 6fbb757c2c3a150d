package dev.microscope.worker.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident set size from {@code /proc/self/statm} (pages; 4 KiB pages on the platforms the image
 * targets). What the kernel counts against a memory limit, unlike the JVM's own heap gauges.
 */
public final class ResidentMemory {
  private static final long PAGE_BYTES = 4096;
  private static final Path STATM = Path.of("/proc/self/statm");

  private ResidentMemory() {}

  /** Bytes resident, or NaN where there is no procfs. */
  public static double bytes() {
    try {
      String[] fields = Files.readString(STATM).strip().split(" ");
      return Long.parseLong(fields[1]) * (double) PAGE_BYTES;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
