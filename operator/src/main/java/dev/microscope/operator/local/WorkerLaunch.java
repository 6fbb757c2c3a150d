package dev.microscope.operator.local;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ResourcesSpec;
import dev.microscope.operator.loop.MemoryQuantity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command lines of a fleet's processes (docs/contract.md, "Command line"): the flags the
 * Kubernetes pod templates give, on loopback, with the memory limit of the fleet's resources as the
 * worker's {@code --memory-limit} and a heap below it.
 *
 * @param java the {@code java} executable
 * @param jar the worker jar
 */
record WorkerLaunch(Path java, Path jar, ChaosFleet fleet, Path adminToken, Path profiles) {
  /** Share of the memory limit given to the heap; the rest is the JVM's own. */
  static final double HEAP_SHARE = 0.75;

  private static final long MIB = 1024 * 1024;
  private static final List<String> SMALL_JVM =
      List.of(
          "-XX:+UseSerialGC",
          "-Xms16m",
          "-Xss256k",
          "-XX:TieredStopAtLevel=1",
          "-XX:CICompilerCount=1",
          "-XX:ReservedCodeCacheSize=16m",
          "-XX:MaxMetaspaceSize=64m",
          // a heap that runs out ends the process with exit code 3: counted as a memory kill
          "-XX:+ExitOnOutOfMemoryError");

  /** Exit code of a JVM stopped by {@code -XX:+ExitOnOutOfMemoryError}. */
  static final int OUT_OF_MEMORY_EXIT = 3;

  /**
   * @param limit the worker's memory limit in bytes ({@link #memoryLimitBytes})
   */
  List<String> worker(String name, int port, long limit) {
    var spec = fleet.getSpec();
    var workers = spec.getWorkers();
    var args = jvm(Math.max(32 * MIB, (long) (limit * HEAP_SHARE)));
    args.addAll(List.of("-jar", jar.toString(), "worker"));
    add(args, "--bind", "127.0.0.1");
    add(args, "--port", port);
    add(args, "--id", name);
    add(args, "--fleet", fleet.getMetadata().getName());
    add(args, "--workers", workers.getWorkersPerPod());
    add(args, "--concurrency", workers.getConcurrency());
    add(args, "--queue", workers.getQueue());
    add(args, "--time-scale", workers.getTimeScale());
    add(args, "--admin-token-file", adminToken);
    add(args, "--memory-limit", limit);
    add(args, "--drain-seconds", 2);
    if (profiles != null) {
      add(args, "--profiles", profiles);
    }
    var seed = spec.getChaos().getSeed();
    if (seed != null) {
      add(args, "--seed", seed);
    }
    return args;
  }

  List<String> loadgen(int port, Path targets, Path traffic) {
    var args = jvm(96 * MIB);
    args.addAll(List.of("-jar", jar.toString(), "loadgen"));
    add(args, "--bind", "127.0.0.1");
    add(args, "--port", port);
    add(args, "--fleet", fleet.getMetadata().getName());
    add(args, "--admin-token-file", adminToken);
    add(args, "--targets-file", targets);
    add(args, "--traffic-file", traffic);
    var seed = fleet.getSpec().getChaos().getSeed();
    if (seed != null) {
      add(args, "--seed", seed);
    }
    return args;
  }

  /** The memory limit of a worker with these resources; the spec's when they say none. */
  long memoryLimitBytes(ResourcesSpec resources) {
    var chosen = resources == null ? fleet.getSpec().getWorkers().getResources() : resources;
    var limits = chosen == null ? null : chosen.getLimits();
    var memory = limits == null || limits.getMemory() == null ? "256Mi" : limits.getMemory();
    return MemoryQuantity.bytes(memory, "spec.workers.resources.limits.memory");
  }

  private List<String> jvm(long heapBytes) {
    var args = new ArrayList<String>();
    args.add(java.toString());
    args.addAll(SMALL_JVM);
    args.add("-Xmx" + Math.max(32, heapBytes / MIB) + "m");
    var options = fleet.getSpec().getWorkers().getJvmOptions();
    if (options != null && !options.isBlank()) {
      args.addAll(Arrays.asList(options.strip().split("\\s+")));
    }
    return args;
  }

  private static void add(List<String> args, String flag, Object value) {
    args.add(flag);
    args.add(String.valueOf(value));
  }
}
