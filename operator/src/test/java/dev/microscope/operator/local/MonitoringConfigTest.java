package dev.microscope.operator.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microscope.operator.control.Slo;
import dev.microscope.operator.loop.FleetPolicyMapper;
import dev.microscope.operator.prometheus.FleetRuleGroup;
import dev.microscope.operator.prometheus.FleetScope;
import dev.microscope.testkit.Binaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated configuration, checked by promtool and amtool themselves. */
class MonitoringConfigTest {
  @TempDir Path dir;

  @Test
  void forDurationsScaleAndNothingElse() {
    var rules =
        "      - alert: A\n        expr: up{x=\"for: 2m\"} == 0\n        for: 2m\n      - alert: B\n        for: 1h\n";
    assertThat(MonitoringConfig.scaleFor(rules, 0.05))
        .isEqualTo(
            "      - alert: A\n        expr: up{x=\"for: 2m\"} == 0\n        for: 6s\n      - alert: B\n        for: 180s\n");
    assertThat(MonitoringConfig.scaleFor(rules, 1.0)).isEqualTo(rules);
  }

  @Test
  void prometheusConfigAndEveryRuleFilePassPromtool() throws Exception {
    var rules =
        new ArrayList<>(
            MonitoringConfig.ruleFiles(
                Scenario.repositoryRoot().resolve("prometheus-rules"), dir.resolve("rules"), 0.05));
    var fleet = FleetFile.read(Scenario.fleet("leak"));
    Slo slo = FleetPolicyMapper.map(fleet.getSpec(), false).slo();
    var fleetRules = dir.resolve("rules/fleet-leak.yml");
    Files.writeString(
        fleetRules,
        MonitoringConfig.fleetRules(FleetRuleGroup.of(new FleetScope("local", "leak"), slo)));
    rules.add(fleetRules);
    var targets = Files.writeString(dir.resolve("targets.json"), "[]");
    var config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        MonitoringConfig.prometheus(
            Duration.ofSeconds(1), rules, "127.0.0.1:9093", targets, "127.0.0.1:8080"));
    assertThat(
            run(
                List.of(
                    Binaries.require("promtool").toString(), "check", "config", config.toString())))
        .contains("SUCCESS");
    assertThat(Files.readString(rules.get(3))).contains("for: 6s").doesNotContain("for: 2m");
  }

  @Test
  void alertmanagerConfigPassesAmtool() throws Exception {
    var token = Files.writeString(dir.resolve("token"), "t\n");
    for (String extra : new String[] {null, "http://127.0.0.1:9/page"}) {
      var config = dir.resolve("alertmanager.yml");
      Files.writeString(
          config,
          MonitoringConfig.alertmanager("http://127.0.0.1:8080/alertmanager", token, extra));
      assertThat(
              run(
                  List.of(
                      Binaries.require("amtool").toString(), "check-config", config.toString())))
          .contains("SUCCESS");
    }
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    var out = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }
}
