package dev.microscope.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuLimitTest {
  @TempDir Path root;

  private CpuLimit limit(String procSelfCgroup) throws IOException {
    Path proc = Files.writeString(root.resolve("proc-self-cgroup"), procSelfCgroup);
    return new CpuLimit(root.resolve("sys-fs-cgroup"), proc);
  }

  private void write(String relative, String content) throws IOException {
    Path file = root.resolve("sys-fs-cgroup").resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void cgroupV2QuotaOverPeriodKeepsTheFraction() throws IOException {
    write("kubepods/pod1/cpu.max", "50000 100000\n");

    assertThat(limit("0::/kubepods/pod1\n").quota()).hasValue(0.5);
  }

  @Test
  void cgroupV2InsideAContainerReadsTheRoot() throws IOException {
    write("cpu.max", "150000 100000\n");

    assertThat(limit("0::/\n").quota()).hasValue(1.5);
  }

  @Test
  void cgroupV2MaxMeansNoQuotaAndTheProcessorsTheJvmSees() throws IOException {
    write("cpu.max", "max 100000\n");

    var limit = limit("0::/\n");
    assertThat(limit.quota()).isEmpty();
    assertThat(limit.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void cgroupV1ReadsTheCpuController() throws IOException {
    write("cpu,cpuacct/docker/abc/cpu.cfs_quota_us", "25000\n");
    write("cpu,cpuacct/docker/abc/cpu.cfs_period_us", "100000\n");

    assertThat(limit("0::/\n3:cpu,cpuacct:/docker/abc\n").quota()).hasValue(0.25);
  }

  @Test
  void cgroupV1QuotaOfMinusOneIsNone() throws IOException {
    write("cpu,cpuacct/cpu.cfs_quota_us", "-1\n");
    write("cpu,cpuacct/cpu.cfs_period_us", "100000\n");

    assertThat(limit("3:cpu,cpuacct:/\n").quota()).isEmpty();
  }

  @Test
  void unreadableCgroupsMeanNoQuota() throws IOException {
    assertThat(limit("garbage\n").quota()).isEmpty();
  }
}
