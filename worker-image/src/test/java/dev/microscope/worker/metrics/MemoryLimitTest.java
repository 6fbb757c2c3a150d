package dev.microscope.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryLimitTest {
  @TempDir Path root;

  private MemoryLimit limit(String procSelfCgroup) throws IOException {
    Path proc = Files.writeString(root.resolve("proc-self-cgroup"), procSelfCgroup);
    return new MemoryLimit(root.resolve("sys-fs-cgroup"), proc);
  }

  private void write(String relative, String content) throws IOException {
    Path file = root.resolve("sys-fs-cgroup").resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void cgroupV2ReadsTheGroupsMemoryMax() throws IOException {
    write("kubepods/pod1/memory.max", "67108864\n");

    assertThat(limit("0::/kubepods/pod1\n").read()).hasValue(64L << 20);
  }

  @Test
  void cgroupV2InsideAContainerReadsTheRoot() throws IOException {
    write("memory.max", "134217728\n");

    assertThat(limit("0::/\n").read()).hasValue(128L << 20);
  }

  @Test
  void cgroupV2MaxMeansNoLimit() throws IOException {
    write("memory.max", "max\n");

    assertThat(limit("0::/\n").read()).isEmpty();
  }

  @Test
  void cgroupV1ReadsTheMemoryController() throws IOException {
    write("memory/docker/abc/memory.limit_in_bytes", "268435456\n");

    assertThat(limit("0::/\n4:memory:/docker/abc\n").read()).hasValue(256L << 20);
  }

  @Test
  void cgroupV1WithoutALimitReportsAHugeNumberWhichMeansNone() throws IOException {
    write("memory/memory.limit_in_bytes", "9223372036854771712\n");

    assertThat(limit("0::/\n4:memory:/\n").read()).isEmpty();
  }

  @Test
  void noCgroupInformationMeansNoLimit() {
    assertThat(new MemoryLimit(root.resolve("none"), root.resolve("none")).read()).isEmpty();
  }
}
