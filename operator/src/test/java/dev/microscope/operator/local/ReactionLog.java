package dev.microscope.operator.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reaction times of the scenarios: printed as {@code REACTION} lines and appended, one JSON object
 * a line, to {@code target/reaction-times.jsonl} (bench/reaction/run turns them into a table).
 *
 * <p>A reaction has up to three moments: the onset (the fault put on), the detection (the first
 * instant Prometheus' answer to the deciding condition was true, see {@link Scenario#firstTrue})
 * and the action. The target is on detection to action: at most three scrape intervals plus the
 * rule's own {@code for}. Beside it, the reference loops of the peers' defaults on the same
 * detection.
 */
final class ReactionLog {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A polling loop configured like a peer's defaults. It reads the same condition from the same
   * Prometheus every {@code period}, at a phase of its own, and acts at its first poll at or after
   * the detection (in the peer's world nothing else removes the condition before it polls).
   */
  record Peer(String name, Duration period) {
    static final Peer HPA = new Peer("HPA defaults (15 s sync)", Duration.ofSeconds(15));
    static final Peer KEDA = new Peer("KEDA defaults (30 s polling)", Duration.ofSeconds(30));

    /**
     * Seconds from detection to this loop's action for every phase, in steps of a tenth of a second
     * over one period, sorted: the loop's phase is unrelated to the fault's onset.
     */
    double[] delays() {
      int phases = (int) (period.toMillis() / 100);
      double[] out = new double[phases];
      for (int i = 0; i < phases; i++) {
        // detection at 0; a loop whose last poll was i tenths of a second before polls next at
        // period - i tenths (or at once when it polls at that very moment)
        out[i] = i == 0 ? 0 : (period.toMillis() - i * 100L) / 1000.0;
      }
      Arrays.sort(out);
      return out;
    }
  }

  private ReactionLog() {}

  static Path file() {
    return Path.of(System.getProperty("microscope.reactionTimes", "target/reaction-times.jsonl"));
  }

  static Reaction reaction(String scenario, String what) {
    return new Reaction(scenario, what);
  }

  /** One reaction, recorded by {@link #record()}. */
  static final class Reaction {
    private final String scenario;
    private final String what;
    private Instant onset;
    private Instant detected;
    private String condition = "";
    private Instant action;
    private double budgetSeconds = Double.NaN;
    private String note = "";
    private final List<Peer> peers = new ArrayList<>();

    private Reaction(String scenario, String what) {
      this.scenario = scenario;
      this.what = what;
    }

    Reaction onset(Instant at) {
      this.onset = at;
      return this;
    }

    /** The first instant {@code condition} (a short description of it) was true. */
    Reaction detected(Instant at, String condition) {
      this.detected = at;
      this.condition = condition;
      return this;
    }

    Reaction action(Instant at) {
      this.action = at;
      return this;
    }

    /** Three scrape intervals plus {@code forSeconds}: the target on detection to action. */
    Reaction within(double forSeconds) {
      this.budgetSeconds = 3 * Scenario.SCRAPE.toMillis() / 1000.0 + forSeconds;
      return this;
    }

    /**
     * A target of another shape (e.g. failure threshold x poll interval), on detection to action.
     */
    Reaction budget(double seconds) {
      this.budgetSeconds = seconds;
      return this;
    }

    Reaction note(String note) {
      this.note = note;
      return this;
    }

    Reaction against(Peer... peers) {
      this.peers.addAll(List.of(peers));
      return this;
    }

    /** Prints and appends the reaction; answers onset to action in seconds. */
    double record() {
      if (onset == null || action == null) {
        throw new IllegalStateException("a reaction needs its onset and its action");
      }
      double seconds = seconds(onset, action);
      Double detection = detected == null ? null : seconds(onset, detected);
      Double reaction = detected == null ? null : seconds(detected, action);
      var line = new LinkedHashMap<String, Object>();
      line.put("scenario", scenario);
      line.put("what", what);
      line.put("seconds", seconds);
      line.put("detectionSeconds", detection);
      line.put("reactionSeconds", reaction);
      line.put("condition", condition);
      line.put("scrapeIntervalSeconds", Scenario.SCRAPE.toMillis() / 1000.0);
      line.put("scrapeIntervals", seconds / (Scenario.SCRAPE.toMillis() / 1000.0));
      line.put("budgetSeconds", budgetSeconds);
      var references = new ArrayList<Map<String, Object>>();
      for (Peer peer : peers) {
        double[] d = peer.delays();
        var r = new LinkedHashMap<String, Object>();
        r.put("peer", peer.name());
        r.put("medianSeconds", d[d.length / 2]);
        r.put("minSeconds", d[0]);
        r.put("maxSeconds", d[d.length - 1]);
        references.add(r);
      }
      line.put("references", references);
      line.put("note", note);
      line.put("at", Instant.now().toString());
      System.out.printf(
          "REACTION %s: %s: %.1f s from the onset; detected after %s s (%s); detection -> action"
              + " %s s, budget %s s; %s%s%n",
          scenario,
          what,
          seconds,
          detection == null ? "-" : "%.1f".formatted(detection),
          condition,
          reaction == null ? "-" : "%.1f".formatted(reaction),
          Double.isNaN(budgetSeconds) ? "-" : "%.1f".formatted(budgetSeconds),
          note,
          references.isEmpty() ? "" : "; peers (median from detection) " + references);
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

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }
}
