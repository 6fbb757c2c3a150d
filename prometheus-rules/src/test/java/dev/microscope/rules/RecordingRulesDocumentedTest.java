package dev.microscope.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The "Recording rules" table of docs/contract.md lists exactly the series the rules record, so the
 * operator can rely on it.
 */
class RecordingRulesDocumentedTest {
  private final ContractDocument contract = ContractDocument.read(ModuleFiles.contract());

  @Test
  void theTableListsExactlyTheStaticRecordingRules() {
    Set<String> recorded = new TreeSet<>();
    RuleFiles.recordingRules().forEach(r -> recorded.add(r.record()));
    Set<String> documented = new TreeSet<>();
    contract.recordingRules().stream()
        .filter(r -> !r.recordedBy().equals("fleet"))
        .forEach(r -> documented.add(r.name()));

    assertThat(documented).isEqualTo(recorded);
  }

  @Test
  void everyRowSaysWhoRecordsIt() {
    assertThat(contract.recordingRules())
        .allSatisfy(r -> assertThat(r.recordedBy()).isIn("static", "either", "fleet"));
  }

  /** A series only a fleet's own group records is read, never written, by the static rules. */
  @Test
  void fleetOnlySeriesAreNotRecordedStatically() {
    Set<String> recorded = new TreeSet<>();
    RuleFiles.recordingRules().forEach(r -> recorded.add(r.record()));
    contract.recordingRules().stream()
        .filter(r -> r.recordedBy().equals("fleet"))
        .forEach(r -> assertThat(recorded).doesNotContain(r.name()));
  }

  @Test
  void windowsInBracesExpandToOneNameEach() {
    assertThat(ContractDocument.expand("a:b:rate{5m,1h}"))
        .containsExactly("a:b:rate5m", "a:b:rate1h");
  }
}
