package dev.microscope.worker.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * JVM and process metrics: Micrometer's JVM binders, plus the two series every Prometheus user
 * expects from a process, {@code process_resident_memory_bytes} and {@code
 * process_cpu_seconds_total}. Only {@code jvm_*} and {@code process_*} names (no {@code system_*}).
 */
public final class ProcessMetrics implements AutoCloseable {
  private final JvmGcMetrics gc = new JvmGcMetrics();

  public ProcessMetrics(MeterRegistry registry) {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new JvmInfoMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    Gauge.builder("process.resident.memory", ResidentMemory::bytes)
        .baseUnit("bytes")
        .description("Resident set size of the process")
        .register(registry);
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      FunctionCounter.builder("process.cpu", sun, b -> b.getProcessCpuTime() / 1e9)
          .baseUnit("seconds")
          .description("CPU time used by the process, user and system")
          .register(registry);
    }
  }

  @Override
  public void close() {
    gc.close();
  }
}
