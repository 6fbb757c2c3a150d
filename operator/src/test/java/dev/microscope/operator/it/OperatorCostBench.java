package dev.microscope.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.constraints.JvmSizing;
import dev.microscope.testkit.FreePorts;
import dev.microscope.testkit.Http;
import dev.microscope.testkit.ManagedProcess;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operator cost for bench/operator/run, not part of the test suite (no {@code IT} suffix; run with
 * {@code -Dit.test=OperatorCostBench}): the operator jar with its image's JVM options and the
 * chart's 512Mi memory limit against the real API server tier, with 1, 10 and 100 fleets. At each
 * step: resident set and CPU once settled, and reconcile latency (a spec change until
 * status.observedGeneration reaches it). Writes one JSON line per step to {@code
 * target/bench/operator-cost.jsonl}.
 */
@ExtendWith(RealCluster.class)
class OperatorCostBench {
  private static final Path JAR = Path.of("target", "microscope-operator.jar");

  /**
   * {@code sized}: the capped flags of constraints mode (docs/constraints.md) with a 32 MiB heap
   * and the 64 MiB of metaspace the Kubernetes client needs (24 MiB is not enough: it exits at
   * start), instead of the image's.
   */
  private static final boolean SIZED = "sized".equals(System.getProperty("bench.jvm"));

  /** {@code -Dbench.nmt=true}: native memory tracking, its summary kept beside the results. */
  private static final boolean NMT = Boolean.getBoolean("bench.nmt");

  /** {@code -Dbench.jvmArgs="..."}: more JVM flags for the operator, to compare a variant. */
  private static final List<String> EXTRA_FLAGS =
      Arrays.stream(System.getProperty("bench.jvmArgs", "").trim().split("\\s+"))
          .filter(f -> !f.isEmpty())
          .toList();

  private static final Path OUT =
      Path.of("target", "bench", SIZED ? "operator-cost-sized.jsonl" : "operator-cost.jsonl");
  private static final List<Integer> STEPS =
      Arrays.stream(System.getProperty("bench.fleets", "1,10,100").split(","))
          .map(Integer::valueOf)
          .toList();
  private static final int EDITS = 10;
  private static final Duration SETTLE = Duration.ofSeconds(20);
  private static final Duration CPU_WINDOW = Duration.ofSeconds(30);
  private static final Duration WAIT = Duration.ofMinutes(5);
  private static final long TICKS_PER_SECOND = 100;

  @Test
  void costWithOneTenAndAHundredFleets(
      ControlPlane cluster, TestNamespace namespace, @TempDir Path dir)
      throws IOException, InterruptedException {
    Files.createDirectories(OUT.getParent());
    Files.deleteIfExists(OUT);
    var client = cluster.admin();
    try (var operator = start(cluster, namespace, dir)) {
      int created = 0;
      for (int step : STEPS) {
        long rampCpu = cpuTicks(operator);
        long rampStart = System.nanoTime();
        for (; created < step; created++) {
          create(client, namespace.name(), "fleet-" + created);
        }
        awaitAllObserved(client, namespace.name(), step);
        double rampSeconds = (System.nanoTime() - rampStart) / 1e9;
        double rampCores = (cpuTicks(operator) - rampCpu) / (double) TICKS_PER_SECOND / rampSeconds;
        pause(SETTLE);
        long before = cpuTicks(operator);
        pause(CPU_WINDOW);
        double steadyCores =
            (cpuTicks(operator) - before) / (double) TICKS_PER_SECOND / CPU_WINDOW.toSeconds();
        long rss = rssBytes(operator);
        if (NMT) {
          Files.writeString(
              OUT.resolveSibling("operator-nmt-" + step + ".txt"),
              jcmd(operator, "VM.native_memory", "summary")
                  + jcmd(operator, "GC.heap_info")
                  + jcmd(operator, "GC.class_histogram")
                      .lines()
                      .limit(40)
                      .collect(java.util.stream.Collectors.joining("\n")));
        }
        var latencies = new ArrayList<Double>();
        for (int i = 0; i < EDITS; i++) {
          latencies.add(reconcileSeconds(client, namespace.name(), "fleet-" + (i * 7 % step), i));
        }
        Files.writeString(
            OUT,
            String.format(
                Locale.ROOT,
                "{\"fleets\":%d,\"rssBytes\":%d,\"steadyCores\":%.4f,\"rampCores\":%.4f,"
                    + "\"rampSeconds\":%.1f,\"reconcileSeconds\":%s}%n",
                step,
                rss,
                steadyCores,
                rampCores,
                rampSeconds,
                latencies),
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
        assertThat(operator.isAlive()).as(operator.logTail(30)).isTrue();
      }
    }
  }

  private static String jcmd(ManagedProcess operator, String... command)
      throws IOException, InterruptedException {
    var jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    var args = new ArrayList<String>(List.of(jcmd, pid(operator)));
    args.addAll(List.of(command));
    var process = new ProcessBuilder(args).redirectErrorStream(true).start();
    var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return out;
  }

  /** A measuring pause: the operator is left alone for a fixed time, nothing is awaited. */
  private static void pause(Duration duration) throws InterruptedException {
    Thread.sleep(duration.toMillis());
  }

  private static void create(KubernetesClient client, String namespace, String name) {
    var fleet = ChaosFleet.withDefaultSpec();
    fleet.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    // no Prometheus in this tier: the first failed poll puts the fleet in safe mode
    fleet.getSpec().getPrometheus().setFailureThreshold(1);
    client.resource(fleet).create();
  }

  private static void awaitAllObserved(KubernetesClient client, String namespace, int count) {
    await("all " + count + " fleets observed")
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () ->
                client.resources(ChaosFleet.class).inNamespace(namespace).list().getItems().stream()
                        .filter(OperatorCostBench::observed)
                        .count()
                    == count);
  }

  private static boolean observed(ChaosFleet fleet) {
    return fleet.getStatus() != null
        && Objects.equals(
            fleet.getStatus().getObservedGeneration(), fleet.getMetadata().getGeneration());
  }

  /** Seconds from a spec change to the status saying it was observed. */
  private static double reconcileSeconds(
      KubernetesClient client, String namespace, String name, int i) {
    var fleets = client.resources(ChaosFleet.class).inNamespace(namespace);
    long start = System.nanoTime();
    var edited =
        fleets
            .withName(name)
            .edit(
                f -> {
                  f.getSpec().getTraffic().setRate(10 + i + 1.0);
                  return f;
                });
    long generation = edited.getMetadata().getGeneration();
    await("fleet " + name + " observes generation " + generation)
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> {
              var status = fleets.withName(name).get().getStatus();
              return status != null
                  && status.getObservedGeneration() != null
                  && status.getObservedGeneration() >= generation;
            });
    return Math.round((System.nanoTime() - start) / 1e6) / 1000.0;
  }

  private static long rssBytes(ManagedProcess process) throws IOException {
    for (var line : Files.readAllLines(Path.of("/proc", pid(process), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS for the operator");
  }

  /** utime + stime of the operator process in clock ticks. */
  private static long cpuTicks(ManagedProcess process) throws IOException {
    var stat = Files.readString(Path.of("/proc", pid(process), "stat"));
    var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static String pid(ManagedProcess process) {
    return String.valueOf(process.process().pid());
  }

  private static ManagedProcess start(ControlPlane cluster, TestNamespace namespace, Path dir)
      throws IOException {
    assertThat(JAR).as("the operator jar (built by the package phase)").exists();
    var kubeconfig = Files.writeString(dir.resolve("kubeconfig"), cluster.adminKubeconfig());
    var port = FreePorts.next();
    var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var command = new ArrayList<String>();
    command.add(java);
    if (NMT) {
      command.add("-XX:NativeMemoryTracking=summary");
    }
    if (SIZED) {
      command.addAll(JvmSizing.ofHeap(32L << 20).flags());
      command.add("-XX:MaxMetaspaceSize=64m");
    } else {
      command.add("@" + Path.of("jvm.options").toAbsolutePath());
      // the chart's memory limit, which MaxRAMPercentage sizes the heap from in a pod
      command.add("-XX:MaxRAM=512m");
    }
    command.addAll(EXTRA_FLAGS);
    command.addAll(
        List.of(
            "-jar",
            JAR.toAbsolutePath().toString(),
            "operator",
            "--namespaces",
            namespace.name(),
            "--http-bind",
            "127.0.0.1",
            "--http-port",
            String.valueOf(port)));
    var operator =
        ManagedProcess.start(
            "operator",
            command,
            dir,
            // MALLOC_ARENA_MAX as the image sets it
            Map.of("KUBECONFIG", kubeconfig.toString(), "MALLOC_ARENA_MAX", "2"));
    try {
      await("operator ready")
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                assertThat(operator.isAlive()).as(operator.logTail(30)).isTrue();
                assertThat(Http.isOk("http://127.0.0.1:" + port + "/readyz")).isTrue();
              });
      return operator;
    } catch (RuntimeException | AssertionError e) {
      operator.close();
      throw e;
    }
  }
}
