package dev.microscope.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microscope.testkit.Sample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runnable-block syntax of docs/labs/README.md, and what a promql promise accepts. */
class LabBlocksTest {
  @Test
  void findsRunnableBlocksWithTheirAttributesAndPromises() {
    var blocks =
        LabBlocks.parse(
            "lab.md",
            List.of(
                "text",
                "```sh runnable needs=worker timeout=30",
                "curl -s \"http://$WORKER/workers\"",
                "# expect: \"workers\"",
                "```",
                "```bash",
                "not runnable",
                "```",
                "````text",
                "```sh runnable needs=local",
                "shown, not run",
                "```",
                "````",
                "```promql runnable needs=prometheus",
                "up",
                "# expect: value > 0",
                "```"));

    assertThat(blocks)
        .containsExactly(
            new LabBlock(
                "lab.md:2",
                "sh",
                "worker",
                30,
                "curl -s \"http://$WORKER/workers\"\n",
                List.of("\"workers\"")),
            new LabBlock("lab.md:14", "promql", "prometheus", 120, "up\n", List.of("value > 0")));
  }

  @Test
  void rejectsWhatItCannotRunNamingTheLine() {
    assertThatThrownBy(
            () -> LabBlocks.parse("a.md", List.of("```sh runnable needs=cluster", "```")))
        .hasMessageContaining("a.md:1: needs=cluster is not one of");
    assertThatThrownBy(() -> LabBlocks.parse("a.md", List.of("```sh runnable speed=9", "```")))
        .hasMessageContaining("a.md:1: unknown attribute 'speed=9'");
    assertThatThrownBy(() -> LabBlocks.parse("a.md", List.of("```go runnable", "```")))
        .hasMessageContaining("runnable blocks are sh or promql");
    assertThatThrownBy(() -> LabBlocks.parse("a.md", List.of("```sh runnable", "echo")))
        .hasMessageContaining("a.md:1: block never closed");
  }

  @Test
  void promqlPromisesHoldOrFail() {
    var samples = List.of(new Sample(Map.of("worker", "w-0"), 0.5));

    PromqlExpectation.check(samples, List.of("labels worker", "value > 0", "value <= 1"));
    assertThatThrownBy(() -> PromqlExpectation.check(samples, List.of("value > 1")))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> PromqlExpectation.check(samples, List.of("labels code_class")))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> PromqlExpectation.check(List.of(), List.of()))
        .as("no promise: the answer must not be empty")
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(
            () -> PromqlExpectation.check(List.of(new Sample(Map.of(), Double.NaN)), List.of()))
        .as("NaN is not a number")
        .isInstanceOf(AssertionError.class);
    PromqlExpectation.check(List.of(), List.of("empty"));
    assertThatThrownBy(() -> PromqlExpectation.check(samples, List.of("roughly 3")))
        .hasMessageContaining("unknown expectation");
  }
}
