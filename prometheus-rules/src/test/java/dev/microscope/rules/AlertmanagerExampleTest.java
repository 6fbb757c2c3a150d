package dev.microscope.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microscope.testkit.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The example Alertmanager configuration, checked and exercised with amtool. */
class AlertmanagerExampleTest {
  @Test
  void amtoolAcceptsTheConfiguration() {
    ExternalTool.Result result =
        amtool("check-config", ModuleFiles.alertmanagerConfig().toString());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS", "3 receivers", "2 inhibit rules");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "alertname=MicroscopeErrorBudgetBurnFast severity=page namespace=shop fleet=checkout;"
            + " microscope-operator,people-page",
        "alertname=MicroscopeWorkerLying severity=ticket namespace=shop fleet=checkout;"
            + " microscope-operator,people-ticket",
        "alertname=MicroscopeOperatorAbsent severity=page; microscope-operator,people-page",
        "alertname=SomethingElse severity=page; people-page",
        "alertname=SomethingElse; people-ticket"
      })
  void routesEveryAlertToTheOperatorAndBySeverityToPeople(String labels, String receivers) {
    String[] args = {
      "config",
      "routes",
      "test",
      "--config.file=" + ModuleFiles.alertmanagerConfig(),
      "--verify.receivers=" + receivers.trim()
    };
    String[] all = new String[args.length + labels.split(" ").length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(labels.split(" "), 0, all, args.length, labels.split(" ").length);

    ExternalTool.Result result = amtool(all);

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains(receivers.trim());
  }

  @Test
  void notificationsCarryTheValueTheFleetAndTheRunbook(@TempDir Path dir) throws IOException {
    Path data = dir.resolve("data.json");
    Files.writeString(
        data,
        """
        {"receiver": "people-page", "status": "firing",
         "alerts": [{"status": "firing",
           "labels": {"alertname": "MicroscopeWorkerLying", "namespace": "shop",
                      "fleet": "checkout", "worker": "w2", "instance": "10.0.0.7:8080",
                      "severity": "ticket"},
           "annotations": {"summary": "Worker w2 of shop/checkout reports metrics its clients contradict (liar score 0.83)",
                           "description": "The metrics of worker w2 disagree.",
                           "runbook_url": "https://example.org/docs/runbooks.md#microscopeworkerlying"}}],
         "groupLabels": {"namespace": "shop", "fleet": "checkout"},
         "commonLabels": {"alertname": "MicroscopeWorkerLying", "namespace": "shop",
                          "fleet": "checkout", "severity": "ticket"},
         "commonAnnotations": {"runbook_url": "https://example.org/docs/runbooks.md#microscopeworkerlying"},
         "externalURL": "http://alertmanager.example"}
        """);

    String title = render("microscope.title", data);
    String text = render("microscope.text", data);
    String link = render("microscope.runbook", data);

    assertThat(title).isEqualTo("[FIRING:1] fleet shop/checkout: MicroscopeWorkerLying");
    assertThat(text)
        .contains(
            "*MicroscopeWorkerLying* (ticket) fleet shop/checkout worker w2 on 10.0.0.7:8080",
            "liar score 0.83",
            "Runbook: https://example.org/docs/runbooks.md#microscopeworkerlying");
    assertThat(link).isEqualTo("https://example.org/docs/runbooks.md#microscopeworkerlying");
  }

  private static String render(String template, Path data) {
    ExternalTool.Result result =
        amtool(
            "template",
            "render",
            "--template.glob=" + ModuleFiles.alertmanagerTemplates().resolve("*.tmpl"),
            "--template.text={{ template \"" + template + "\" . }}",
            "--template.data=" + data);
    assertThat(result.exitCode()).as(result.output()).isZero();
    return result.output().strip();
  }

  private static ExternalTool.Result amtool(String... args) {
    return ExternalTool.run(ModuleFiles.module(), "amtool", args);
  }
}
