package dev.microscope.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What every alert must carry for the people and the operator that receive it. */
class AlertRulesTest {
  private static final Set<String> SEVERITIES = Set.of("page", "ticket");

  private final List<Rule> alerts = RuleFiles.alerts();

  @Test
  void everyAlertHasForSeveritySummaryDescriptionAndRunbook() {
    assertThat(alerts).isNotEmpty();
    for (Rule alert : alerts) {
      assertThat(alert.forDuration()).as(alert.alert() + " for").isNotBlank();
      assertThat(PromDuration.seconds(alert.forDuration())).as(alert.alert() + " for").isPositive();
      assertThat(alert.labels().get("severity")).as(alert.alert() + " severity").isIn(SEVERITIES);
      assertThat(alert.annotations().get("summary")).as(alert.alert() + " summary").isNotBlank();
      assertThat(alert.annotations().get("description"))
          .as(alert.alert() + " description uses the alert's labels or value")
          .containsAnyOf("$labels", "$value");
      assertThat(alert.annotations().get("runbook_url"))
          .as(alert.alert() + " runbook_url")
          .endsWith("#" + alert.alert().toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void runbookLinksShareOneBaseThatIsTheRunbooksFile() {
    Set<String> bases = new TreeSet<>();
    alerts.forEach(a -> bases.add(a.annotations().get("runbook_url").replaceFirst("#.*$", "")));

    assertThat(bases).hasSize(1);
    assertThat(bases.iterator().next()).startsWith("https://").endsWith("/docs/runbooks.md");
  }

  @Test
  void everyRunbookAnchorExistsInDocsRunbooks() {
    Set<String> anchors = MarkdownAnchors.of(ModuleFiles.runbooks(), 2);
    for (Rule alert : alerts) {
      String anchor = alert.annotations().get("runbook_url").replaceFirst("^[^#]*#", "");
      assertThat(anchors).as("docs/runbooks.md section for " + alert.alert()).contains(anchor);
    }
  }

  @Test
  void everyRunbookSectionBelongsToAnAlert() {
    Set<String> alertAnchors = new TreeSet<>();
    alerts.forEach(a -> alertAnchors.add(a.alert().toLowerCase(Locale.ROOT)));

    assertThat(MarkdownAnchors.of(ModuleFiles.runbooks(), 2)).isEqualTo(alertAnchors);
  }

  @Test
  void alertNamesAreUnique() {
    Set<String> names = new TreeSet<>();
    alerts.forEach(a -> assertThat(names.add(a.alert())).as("duplicate " + a.alert()).isTrue());
  }

  @Test
  void anchorsFollowGitHub() {
    assertThat(MarkdownAnchors.anchor("MicroscopeWorkerAboutToOOM"))
        .isEqualTo("microscopeworkerabouttooom");
    assertThat(MarkdownAnchors.anchor("A heading: with (punctuation)"))
        .isEqualTo("a-heading-with-punctuation");
  }
}
