package dev.microscope.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microscope.chaos.ChaosSpec.Distribution;
import dev.microscope.worker.json.BadFieldException;
import dev.microscope.worker.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChaosSpecJsonTest {

  private static ChaosSpec parse(String json) {
    return ChaosSpecJson.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTheExampleOfTheWireContract() throws IOException {
    String contract =
        Files.readString(Path.of(System.getProperty("microscope.repo", ".."), "docs/contract.md"));
    Matcher block =
        Pattern.compile("## Admin API \\(worker\\).*?```json\\n(.*?)```", Pattern.DOTALL)
            .matcher(contract);
    assertThat(block.find()).as("admin example in docs/contract.md").isTrue();

    ChaosSpec spec = parse(block.group(1));

    assertThat(spec.leaseSeconds()).isEqualTo(30);
    assertThat(spec.level()).isEqualTo(0.4);
    assertThat(spec.seed()).isEqualTo(42L);
    assertThat(spec.latency())
        .isEqualTo(new ChaosSpec.Latency(0.3, Distribution.UNIFORM, 100, 800));
    assertThat(spec.errors())
        .isEqualTo(new ChaosSpec.Errors(0.2, 500, new ChaosSpec.Burst(60, 10, 0.9)));
    assertThat(spec.memoryLeak()).isEqualTo(new ChaosSpec.MemoryLeak(1048576, 134217728));
    assertThat(spec.cpu()).isEqualTo(new ChaosSpec.Cpu(1.0, 0.5, 30L));
    assertThat(spec.crash()).isEqualTo(new ChaosSpec.Crash(0.5));
    assertThat(spec.lies()).isEqualTo(new ChaosSpec.Lies(true, 0.1, false, 3.0));
    assertThat(spec.cardinality()).isEqualTo(new ChaosSpec.Cardinality(50, 5000));
    for (Fault fault : Fault.all()) {
      assertThat(spec.requests(fault)).as(fault.label()).isTrue();
    }
  }

  @Test
  void writesWhatItReads() {
    ChaosSpec spec =
        parse(
            """
            {"leaseSeconds": 5, "latency": {"distribution": "exponential", "minMs": 20, "maxMs": 900},
             "errors": {"rate": 0.1, "status": 503}, "cpu": {"cores": 0.5},
             "lies": {"freezeCounters": true}, "cardinality": {"seriesPerSecond": 2}}
            """);

    ChaosSpec again = ChaosSpecJson.parse(Json.write(ChaosSpecJson.toJson(spec)));

    assertThat(again).isEqualTo(spec);
    assertThat(again.cpu().durationSeconds()).isNull();
    assertThat(again.cardinality().maxSeries()).isEqualTo(1000);
  }

  @Test
  void anEmptyObjectIsNoFaultWithTheDefaultLease() {
    ChaosSpec spec = parse("{}");

    assertThat(spec).isEqualTo(ChaosSpec.none());
    assertThat(spec.leaseSeconds()).isEqualTo(60);
  }

  @ParameterizedTest(name = "{1} <- {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"leaseSeconds\": 0}                                              | leaseSeconds",
        "{\"leaseSeconds\": 86401}                                          | leaseSeconds",
        "{\"leaseSeconds\": 1.5}                                            | leaseSeconds",
        "{\"level\": 1.2}                                                   | level",
        "{\"seed\": \"x\"}                                                  | seed",
        "{\"latency\": {\"probability\": 1.5, \"minMs\": 1}}                | latency.probability",
        "{\"latency\": {\"maxMs\": 5}}                                      | latency.minMs",
        "{\"latency\": {\"minMs\": 10, \"maxMs\": 5}}                       | latency.maxMs",
        "{\"latency\": {\"minMs\": 1, \"distribution\": \"normal\"}}        | latency.distribution",
        "{\"latency\": 3}                                                   | latency",
        "{\"errors\": {\"status\": 404}}                                    | errors.status",
        "{\"errors\": {\"burst\": {\"everySeconds\": 10, \"durationSeconds\": 20, \"rate\": 1}}} | errors.burst.durationSeconds",
        "{\"errors\": {\"burst\": {\"everySeconds\": 10, \"durationSeconds\": 2}}} | errors.burst.rate",
        "{\"memoryLeak\": {\"maxBytes\": 10}}                               | memoryLeak.bytesPerSecond",
        "{\"cpu\": {\"cores\": 0}}                                          | cpu.cores",
        "{\"cpu\": {\"dutyCycle\": 2}}                                      | cpu.dutyCycle",
        "{\"crash\": {}}                                                    | crash.probabilityPerMinute",
        "{\"lies\": {\"hideErrors\": \"yes\"}}                              | lies.hideErrors",
        "{\"lies\": {\"trafficFactor\": -1}}                                | lies.trafficFactor",
        "{\"cardinality\": {\"seriesPerSecond\": 10, \"extra\": 1}}         | cardinality.extra",
        "{\"bogus\": 1}                                                     | bogus",
        "[1, 2]                                                             | $",
        "{\"leaseSeconds\":                                                 | $",
        "{\"level\": 0.1, \"level\": 0.2}                                   | $",
      })
  void namesTheBadField(String json, String field) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOfSatisfying(
            BadFieldException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining(field.equals("$") ? "" : field);
  }
}
