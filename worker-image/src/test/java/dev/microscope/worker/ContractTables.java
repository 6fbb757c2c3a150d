package dev.microscope.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric tables of docs/contract.md, read from the document itself so the code is pinned to
 * what the document says: series names (histograms expanded to their three series), label keys
 * ({@code fleet} added, as the contract says every series has it) and name wildcards.
 */
public final class ContractTables {
  private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
  private static final Pattern LABEL_KEY = Pattern.compile("[a-z_]+");

  /** The series of one table: exact names with their label keys, and wildcard prefixes. */
  public record Table(
      Map<String, Set<String>> series, List<String> wildcardPrefixes, double[] buckets) {}

  private ContractTables() {}

  public static String contract() {
    try {
      return Files.readString(
          Path.of(System.getProperty("microscope.repo", ".."), "docs/contract.md"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The table following the paragraph that starts with {@code intro}. */
  public static Table table(String intro) {
    String contract = contract();
    int start = contract.indexOf("\n" + intro);
    if (start < 0) {
      throw new IllegalStateException("no \"" + intro + "\" in docs/contract.md");
    }
    Map<String, Set<String>> series = new LinkedHashMap<>();
    List<String> wildcards = new ArrayList<>();
    double[] buckets = null;
    boolean inTable = false;
    for (String line : contract.substring(start + 1).split("\n")) {
      if (!line.startsWith("|")) {
        if (inTable) {
          break;
        }
        continue;
      }
      inTable = true;
      String[] cells = line.split("\\|", -1);
      if (cells.length < 4 || !cells[1].contains("`")) {
        continue;
      }
      String type = cells[2].strip();
      String labelsCell = cells[3];
      Set<String> keys = labelKeys(labelsCell);
      Matcher names = BACKTICKED.matcher(cells[1]);
      while (names.find()) {
        String name = names.group(1);
        if (name.endsWith("*")) {
          wildcards.add(name.substring(0, name.length() - 1));
        } else if (type.equals("histogram")) {
          Set<String> withLe = new TreeSet<>(keys);
          withLe.add("le");
          series.put(name + "_bucket", withLe);
          series.put(name + "_sum", keys);
          series.put(name + "_count", keys);
          buckets = buckets(labelsCell);
        } else {
          series.put(name, keys);
        }
      }
    }
    return new Table(series, wildcards, buckets);
  }

  /** {@code worker, endpoint; (in-flight ...)} -> {fleet, worker, endpoint}. */
  private static Set<String> labelKeys(String cell) {
    String beforeNotes = cell.split(";")[0].replaceAll("\\([^)]*\\)", "");
    Set<String> keys = new TreeSet<>();
    keys.add("fleet");
    for (String part : beforeNotes.split(",")) {
      String key = part.strip();
      if (LABEL_KEY.matcher(key).matches()) {
        keys.add(key);
      }
    }
    return keys;
  }

  private static double[] buckets(String cell) {
    Matcher list = Pattern.compile("buckets ([0-9., ]+)").matcher(cell);
    if (!list.find()) {
      return null;
    }
    return Arrays.stream(list.group(1).split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .mapToDouble(Double::parseDouble)
        .toArray();
  }
}
