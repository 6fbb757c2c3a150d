package dev.microscope.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables of docs/contract.md that the rules depend on: the metrics the worker, the traffic
 * generator and the operator export, and the recording rules the operator may query.
 */
final class ContractDocument {
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern ALTERNATIVES = Pattern.compile("\\{([^}]*)}");

  /** One row of the recording-rules table, braces expanded to one row per name. */
  record RecordingRuleRow(String name, String recordedBy) {}

  private final Set<String> exported = new TreeSet<>();
  private final Set<String> exportedPrefixes = new TreeSet<>();
  private final List<RecordingRuleRow> recordingRules = new ArrayList<>();

  private ContractDocument() {}

  static ContractDocument read(Path markdown) {
    try {
      return parse(Files.readString(markdown));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ContractDocument parse(String markdown) {
    ContractDocument contract = new ContractDocument();
    Map<String, List<List<String>>> tables = tablesBySection(markdown);
    tables.getOrDefault("Metrics", List.of()).forEach(contract::addMetricRow);
    tables.getOrDefault("Recording rules", List.of()).forEach(contract::addRecordingRuleRow);
    if (contract.exported.isEmpty() || contract.recordingRules.isEmpty()) {
      throw new IllegalStateException(
          "contract has no metric tables under '## Metrics' or no table under"
              + " '## Recording rules'");
    }
    return contract;
  }

  /** True when an exporter table names the metric (histogram series included). */
  boolean isExported(String metric) {
    return exported.contains(metric) || exportedPrefixes.stream().anyMatch(metric::startsWith);
  }

  Set<String> exportedMetrics() {
    return Set.copyOf(exported);
  }

  List<RecordingRuleRow> recordingRules() {
    return List.copyOf(recordingRules);
  }

  private void addMetricRow(List<String> cells) {
    if (cells.size() < 2) {
      return;
    }
    boolean histogram = cells.get(1).contains("histogram");
    Matcher m = CODE.matcher(cells.get(0));
    while (m.find()) {
      String name = m.group(1);
      if (name.endsWith("*")) {
        exportedPrefixes.add(name.substring(0, name.length() - 1));
      } else {
        exported.add(name);
        if (histogram) {
          exported.add(name + "_bucket");
          exported.add(name + "_sum");
          exported.add(name + "_count");
        }
      }
    }
  }

  private void addRecordingRuleRow(List<String> cells) {
    Matcher m = CODE.matcher(cells.get(0));
    if (cells.size() < 3 || !m.find()) {
      return;
    }
    for (String name : expand(m.group(1))) {
      recordingRules.add(new RecordingRuleRow(name, cells.get(2).trim()));
    }
  }

  /** {@code a:b:rate{5m,1h}} is {@code a:b:rate5m} and {@code a:b:rate1h}. */
  static List<String> expand(String name) {
    Matcher m = ALTERNATIVES.matcher(name);
    if (!m.find()) {
      return List.of(name);
    }
    List<String> names = new ArrayList<>();
    for (String alternative : m.group(1).split(",")) {
      names.addAll(
          expand(name.substring(0, m.start()) + alternative.trim() + name.substring(m.end())));
    }
    return names;
  }

  /** Table rows (cells, header and separator rows left out) by level-2 section title. */
  private static Map<String, List<List<String>>> tablesBySection(String markdown) {
    Map<String, List<List<String>>> tables = new LinkedHashMap<>();
    String section = "";
    boolean header = true;
    for (String line : markdown.split("\n")) {
      if (line.startsWith("## ")) {
        section = line.substring(3).trim();
        continue;
      }
      if (!line.startsWith("|")) {
        header = true;
        continue;
      }
      if (header || line.matches("\\|[-| :]+\\|\\s*")) {
        header = false;
        continue;
      }
      List<String> cells = new ArrayList<>();
      for (String cell : line.substring(1).split("(?<!\\\\)\\|")) {
        cells.add(cell.trim());
      }
      tables.computeIfAbsent(section, s -> new ArrayList<>()).add(cells);
    }
    return tables;
  }
}
