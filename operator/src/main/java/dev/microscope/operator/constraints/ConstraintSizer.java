package dev.microscope.operator.constraints;

/**
 * Sizes a fleet to its budget: JVM heaps and container limits of the workers and the traffic
 * generator, CPU shares, and the most worker pods that fit beside the operator. Pure.
 */
public final class ConstraintSizer {
  /**
   * Memory held for the control loop: a JVM with the flags of {@link JvmSizing} and a 24 MiB heap.
   * Sized for the local runtime's control loop; the Kubernetes operator, a pod shared by every
   * fleet, measured more (docs/constraints.md) and runs beside the budget.
   */
  public static final long OPERATOR_BYTES = JvmSizing.ofHeap(24L << 20).limitBytes();

  /** Heap of a worker process before its virtual workers. */
  static final long WORKER_BASE_HEAP_BYTES = 12L << 20;

  /** Heap of one virtual worker: its meters, histograms, queue and chaos state. */
  static final long HEAP_PER_VIRTUAL_WORKER_BYTES = 256L << 10;

  /** Heap of the traffic generator. */
  static final long LOADGEN_HEAP_BYTES = 16L << 20;

  /** CPU held for the operator and for the traffic generator, each. */
  static final long RESERVED_CPU_MILLIS = 100;

  /** Least CPU a worker pod may get; below it the fleet does not fit the CPU quota. */
  static final long MIN_WORKER_CPU_MILLIS = 50;

  private static final String MEMORY_FIELD = "spec.constraints.memoryBudget";
  private static final String CPU_FIELD = "spec.constraints.cpu";
  private static final long MIB = 1L << 20;

  private ConstraintSizer() {}

  /**
   * @throws DoesNotFit naming the field to change when not even {@code minPods} worker pods (at
   *     least one) fit beside the operator and the traffic generator
   */
  public static Sizing size(Budget budget) {
    var loadgen = JvmSizing.ofHeap(LOADGEN_HEAP_BYTES);
    var worker =
        JvmSizing.ofHeap(
            WORKER_BASE_HEAP_BYTES + HEAP_PER_VIRTUAL_WORKER_BYTES * budget.workersPerPod());
    long left = budget.memoryBytes() - OPERATOR_BYTES - loadgen.limitBytes();
    int fit = (int) Math.max(0, Math.min(Integer.MAX_VALUE, left / worker.limitBytes()));
    int needed = Math.max(1, budget.minPods());
    if (fit < needed) {
      throw new DoesNotFit(MEMORY_FIELD, memoryShortage(budget, worker, loadgen, needed));
    }
    int pods = Math.min(fit, budget.maxPods());
    long workerCpu = 0;
    long loadgenCpu = 0;
    if (budget.cpuMillis() > 0) {
      long cpuFit =
          Math.max(0, budget.cpuMillis() - 2 * RESERVED_CPU_MILLIS) / MIN_WORKER_CPU_MILLIS;
      if (cpuFit < needed) {
        throw new DoesNotFit(CPU_FIELD, cpuShortage(budget, needed));
      }
      pods = (int) Math.min(pods, cpuFit);
      workerCpu = (budget.cpuMillis() - 2 * RESERVED_CPU_MILLIS) / pods;
      loadgenCpu = RESERVED_CPU_MILLIS;
    }
    return new Sizing(budget, worker, loadgen, OPERATOR_BYTES, pods, workerCpu, loadgenCpu);
  }

  private static String memoryShortage(
      Budget budget, JvmSizing worker, JvmSizing loadgen, int pods) {
    long need = OPERATOR_BYTES + loadgen.limitBytes() + pods * worker.limitBytes();
    return "is "
        + mib(budget.memoryBytes())
        + " but the operator ("
        + mib(OPERATOR_BYTES)
        + "), the traffic generator ("
        + mib(loadgen.limitBytes())
        + ") and "
        + pods
        + " worker pod(s) of "
        + budget.workersPerPod()
        + " virtual workers ("
        + mib(worker.limitBytes())
        + " each, spec.workers.replicas.min "
        + budget.minPods()
        + ") need "
        + mib(need)
        + ": raise spec.constraints.memoryBudget or lower spec.workers.workersPerPod or"
        + " spec.workers.replicas.min";
  }

  private static String cpuShortage(Budget budget, int pods) {
    long need = 2 * RESERVED_CPU_MILLIS + pods * MIN_WORKER_CPU_MILLIS;
    return "is "
        + budget.cpuMillis()
        + "m but the operator and the traffic generator ("
        + RESERVED_CPU_MILLIS
        + "m each) and "
        + pods
        + " worker pod(s) (at least "
        + MIN_WORKER_CPU_MILLIS
        + "m each) need "
        + need
        + "m: raise spec.constraints.cpu or lower spec.workers.replicas.min";
  }

  private static String mib(long bytes) {
    return (bytes + MIB - 1) / MIB + "Mi";
  }
}
