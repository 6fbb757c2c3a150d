package dev.microscope.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microscope.testkit.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule files pass Prometheus' own checker and unit tests. */
class PromtoolTest {
  @Test
  void everyRuleFilePassesPromtoolCheck() {
    List<String> args = new ArrayList<>(List.of("check", "rules"));
    ModuleFiles.ruleFiles().forEach(f -> args.add(f.toString()));

    ExternalTool.Result result =
        ExternalTool.run(ModuleFiles.module(), "promtool", args.toArray(String[]::new));

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output().split("SUCCESS", -1)).hasSize(ModuleFiles.ruleFiles().size() + 1);
  }

  @Test
  void everyPromtoolUnitTestPasses() {
    ExternalTool.Result result = promtoolTest(ModuleFiles.module(), ModuleFiles.promtoolTests());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).doesNotContain("FAILED");
  }

  /** The unit tests can fail: one wrong hand-computed value is caught. */
  @Test
  void aWrongExpectedValueFailsTheUnitTests(@TempDir Path copy) throws IOException {
    for (Path rules : ModuleFiles.ruleFiles()) {
      Files.copy(rules, copy.resolve(rules.getFileName()));
    }
    Files.createDirectories(copy.resolve("tests"));
    Path test = copy.resolve("tests/slo_test.yml");
    String original = Files.readString(ModuleFiles.module().resolve("tests/slo_test.yml"));
    assertThat(original).contains("value: 1.333333");
    Files.writeString(test, original.replace("value: 1.333333", "value: 1.333334"));

    ExternalTool.Result result = promtoolTest(copy, List.of(test));

    assertThat(result.exitCode()).as(result.output()).isNotZero();
    assertThat(result.output()).contains("FAILED", "ratio_rate6h", "1.333334");
  }

  private static ExternalTool.Result promtoolTest(Path workDir, List<Path> tests) {
    List<String> args = new ArrayList<>(List.of("test", "rules"));
    tests.forEach(f -> args.add(f.toString()));
    return ExternalTool.run(workDir, "promtool", args.toArray(String[]::new));
  }
}
