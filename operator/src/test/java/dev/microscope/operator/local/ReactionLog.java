package dev.microscope.operator.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;

/**
 * Reaction times of the scenarios: printed as {@code REACTION} lines and appended, one JSON object
 * a line, to {@code target/reaction-times.jsonl} (bench/reaction/run turns them into a table).
 */
final class ReactionLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReactionLog() {}

  static Path file() {
    return Path.of(System.getProperty("microscope.reactionTimes", "target/reaction-times.jsonl"));
  }

  /**
   * @param scenario e.g. {@code 1 memory leak}
   * @param what from which event to which action
   * @param budgetSeconds what the target allows (3 scrape intervals plus the rule's own wait)
   */
  static double record(
      String scenario, String what, Instant from, Instant to, double budgetSeconds, String note) {
    double seconds = Duration.between(from, to).toMillis() / 1000.0;
    double scrapes = seconds / Scenario.SCRAPE.toMillis() * 1000.0;
    System.out.printf(
        "REACTION %s: %s: %.1f s (%.1f scrape intervals of %d s; budget %.1f s) %s%n",
        scenario, what, seconds, scrapes, Scenario.SCRAPE.toSeconds(), budgetSeconds, note);
    var line = new LinkedHashMap<String, Object>();
    line.put("scenario", scenario);
    line.put("what", what);
    line.put("seconds", seconds);
    line.put("scrapeIntervalSeconds", Scenario.SCRAPE.toMillis() / 1000.0);
    line.put("scrapeIntervals", scrapes);
    line.put("budgetSeconds", budgetSeconds);
    line.put("note", note);
    line.put("at", Instant.now().toString());
    try {
      Files.createDirectories(file().toAbsolutePath().getParent());
      Files.writeString(
          file(),
          JSON.writeValueAsString(line) + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return seconds;
  }
}
