package dev.microscope.operator.constraints;

import java.util.List;

/**
 * The JVM flags of one process and the memory limit that holds it. Every region the JVM may grow is
 * capped by a flag, so the resident set stays under the limit whatever the process does: a memory
 * leak fills the heap and ends in an OutOfMemoryError (and an exit), never in the kernel's OOM
 * killer.
 */
public record JvmSizing(long heapBytes) {
  /**
   * What a JVM holds outside its heap with the caps of {@link #flags()}: metaspace (24 MiB cap),
   * code cache (12 MiB cap), direct buffers (4 MiB cap), thread stacks, GC structures, the mapped
   * libjvm and class data archive. A worker with 10 virtual workers measured 54 MiB resident
   * outside its heap (docs/constraints.md); the rest is margin.
   */
  public static final long NATIVE_BYTES = 64L << 20;

  private static final long MIB = 1L << 20;
  private static final long INITIAL_HEAP_BYTES = 8L << 20;

  public JvmSizing {
    if (heapBytes < INITIAL_HEAP_BYTES || heapBytes % MIB != 0) {
      throw new IllegalArgumentException(
          "heap is " + heapBytes + " bytes, not whole MiB of at least 8 MiB");
    }
  }

  /** A heap of {@code bytes}, rounded up to whole MiB and to at least 8 MiB. */
  public static JvmSizing ofHeap(long bytes) {
    long mib = Math.max(INITIAL_HEAP_BYTES / MIB, (bytes + MIB - 1) / MIB);
    return new JvmSizing(mib * MIB);
  }

  /** The container memory limit: the heap and what the JVM holds outside it. */
  public long limitBytes() {
    return heapBytes + NATIVE_BYTES;
  }

  /** The flags, in the order a command line takes them. */
  public List<String> flags() {
    return List.of(
        "-Xms" + INITIAL_HEAP_BYTES / MIB + "m",
        "-Xmx" + heapBytes / MIB + "m",
        "-Xss256k",
        "-XX:MaxMetaspaceSize=24m",
        "-XX:ReservedCodeCacheSize=12m",
        "-XX:MaxDirectMemorySize=4m",
        "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1",
        "-XX:CICompilerCount=1",
        "-XX:+ExitOnOutOfMemoryError");
  }

  /** The flags as one {@code JAVA_TOOL_OPTIONS} value. */
  public String javaToolOptions() {
    return String.join(" ", flags());
  }
}
