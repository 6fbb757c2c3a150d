package dev.microscope.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microscope.worker.Endpoint;
import dev.microscope.worker.json.BadFieldException;
import dev.microscope.worker.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrafficSettingsJsonTest {
  private static final TrafficSettings DEFAULTS =
      new TrafficSettings(true, 10, new RatePattern.Constant(), EndpointMix.defaults(), Set.of());

  private static TrafficSettings parse(String json) {
    return TrafficSettingsJson.parse(json.getBytes(StandardCharsets.UTF_8), DEFAULTS);
  }

  @Test
  void readsTheExampleOfTheWireContract() {
    Matcher block =
        Pattern.compile("`GET/PUT /admin/traffic`:\\n```json\\n(.*?)```", Pattern.DOTALL)
            .matcher(dev.microscope.worker.ContractTables.contract());
    assertThat(block.find()).isTrue();

    TrafficSettings settings = parse(block.group(1));

    assertThat(settings.enabled()).isTrue();
    assertThat(settings.rate()).isEqualTo(50);
    assertThat(settings.pattern()).isEqualTo(new RatePattern.Constant());
    assertThat(settings.mix()).isEqualTo(EndpointMix.defaults());
    assertThat(settings.exclude()).containsExactly("<worker>");
  }

  @Test
  void whatIsLeftOutTakesTheDefaults() {
    TrafficSettings settings = parse("{\"rate\": 3}");

    assertThat(settings)
        .isEqualTo(new TrafficSettings(true, 3, DEFAULTS.pattern(), DEFAULTS.mix(), Set.of()));
  }

  @Test
  void patternsHaveTheirParameters() {
    assertThat(parse("{\"pattern\": {\"type\": \"sine\", \"periodSeconds\": 30}}").pattern())
        .isEqualTo(new RatePattern.Sine(30, 0.5));
    assertThat(parse("{\"rate\": 4, \"pattern\": {\"type\": \"burst\"}}").pattern())
        .isEqualTo(new RatePattern.Burst(60, 10, 20));
  }

  @Test
  void writesWhatItReads() {
    TrafficSettings settings =
        parse(
            """
            {"enabled": false, "rate": 7, "pattern": {"type": "burst", "everySeconds": 20,
             "durationSeconds": 5, "burstRate": 70}, "mix": {"/api/slow": 1}, "exclude": ["a", "b"]}
            """);

    TrafficSettings again =
        TrafficSettingsJson.parse(Json.write(TrafficSettingsJson.toJson(settings)), DEFAULTS);

    assertThat(again).isEqualTo(settings);
    assertThat(again.mix().weights()).containsEntry(Endpoint.USERS, 0.0);
    assertThat(again.rateAt(1)).as("disabled").isZero();
  }

  @ParameterizedTest(name = "{1} <- {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"rate\": -1}                                        | rate",
        "{\"enabled\": 1}                                      | enabled",
        "{\"pattern\": {}}                                     | pattern.type",
        "{\"pattern\": {\"type\": \"square\"}}                 | pattern.type",
        "{\"pattern\": {\"type\": \"sine\", \"amplitude\": 2}}  | pattern.amplitude",
        "{\"pattern\": {\"type\": \"constant\", \"amplitude\": 1}} | pattern.amplitude",
        "{\"pattern\": {\"type\": \"burst\", \"everySeconds\": 5, \"durationSeconds\": 6}} | pattern.durationSeconds",
        "{\"mix\": {\"/api/other\": 1}}                        | mix./api/other",
        "{\"mix\": {\"/api/users\": \"x\"}}                    | mix./api/users",
        "{\"mix\": {\"/api/users\": 0}}                        | mix",
        "{\"exclude\": [\"a\", 2]}                             | exclude[1]",
        "{\"exclude\": \"a\"}                                  | exclude",
        "{\"speed\": 1}                                        | speed",
      })
  void namesTheBadField(String json, String field) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOfSatisfying(
            BadFieldException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
