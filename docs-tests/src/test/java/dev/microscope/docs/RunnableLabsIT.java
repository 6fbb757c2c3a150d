package dev.microscope.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every runnable block of docs/labs/ in page order and checks what the text promises: a shell
 * block must exit 0 within its timeout and print a match for every {@code # expect:} regex; a
 * promql block is queried against the lab's real Prometheus until its answer keeps the promise.
 * Blocks that need {@code microscope local} are skipped, loudly, while it says it is not available
 * yet, and run as soon as it is.
 */
class RunnableLabsIT {
  @TempDir static Path dir;

  private static LabEnvironment lab;
  private static RuntimeException labFailure;
  private static Optional<String> localUnavailable;
  private static int counter;

  @BeforeAll
  static void probeLocalMode() {
    localUnavailable = LocalMode.unavailable(dir);
    localUnavailable.ifPresent(
        why ->
            System.err.printf(
                "%n*** docs/labs: blocks marked needs=local are SKIPPED: `bin/microscope local`"
                    + " answered: %s ***%n%n",
                why));
  }

  @AfterAll
  static void stopLab() {
    if (lab != null) {
      lab.close();
    }
  }

  @TestFactory
  List<DynamicTest> labBlocks() {
    List<LabBlock> blocks = LabBlocks.in(RepoFiles.of("docs/labs"), RepoFiles.root());
    assertThat(blocks).as("runnable blocks in docs/labs").hasSizeGreaterThan(20);
    return blocks.stream()
        .map(block -> DynamicTest.dynamicTest(block.toString(), () -> run(block)))
        .toList();
  }

  private static void run(LabBlock block) {
    if (block.needs().equals("local")) {
      Assumptions.assumeTrue(
          localUnavailable.isEmpty(),
          () ->
              "SKIPPED until `bin/microscope local` lands (it answered: "
                  + localUnavailable.orElse("")
                  + "): "
                  + block);
    }
    Map<String, String> env = new HashMap<>();
    env.put("LAB_RUN_DIR", dir.resolve("run-" + ++counter).toString());
    if (block.needs().equals("worker") || block.needs().equals("prometheus")) {
      env.putAll(lab().variables());
    }
    if (block.language().equals("promql")) {
      assertThat(block.needs()).as("a promql block needs=prometheus").isEqualTo("prometheus");
      query(block);
    } else {
      shell(block, env);
    }
  }

  private static void shell(LabBlock block, Map<String, String> env) {
    var result =
        ShellRun.run(
            block.code(),
            env,
            Duration.ofSeconds(block.timeoutSeconds()),
            dir.resolve("block-" + counter + ".out"));
    assertThat(result.timedOut())
        .as(
            "%s did not finish within %d s; output:%n%s",
            block, block.timeoutSeconds(), result.output())
        .isFalse();
    assertThat(result.exitCode())
        .as("exit code of %s; output:%n%s%s", block, result.output(), labLogs(block))
        .isZero();
    for (String expect : block.expects()) {
      assertThat(Pattern.compile(expect, Pattern.MULTILINE).matcher(result.output()).find())
          .as("%s promises output matching /%s/; it printed:%n%s", block, expect, result.output())
          .isTrue();
    }
  }

  private static void query(LabBlock block) {
    String promql = block.code().strip();
    await(block.toString())
        .atMost(Duration.ofSeconds(block.timeoutSeconds()))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptionsMatching(e -> e instanceof IllegalStateException)
        .untilAsserted(
            () -> PromqlExpectation.check(lab().prometheus().query(promql), block.expects()));
  }

  private static String labLogs(LabBlock block) {
    return lab == null ? "" : "\n" + lab.logs();
  }

  /** The lab, started by the first block that needs it; a failed start fails every such block. */
  private static LabEnvironment lab() {
    if (labFailure != null) {
      throw new IllegalStateException("the lab environment did not start", labFailure);
    }
    if (lab == null) {
      try {
        lab = LabEnvironment.start(dir.resolve("lab"));
      } catch (RuntimeException e) {
        labFailure = e;
        throw e;
      }
    }
    return lab;
  }
}
