package dev.microscope.operator.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fleet's status on disk, what the Kubernetes API keeps for the operator: the control loop's
 * memory (cooldowns, budgets, chaos level, stabilization) and the desired state. Written after
 * every cycle by renaming a complete copy, read when a run starts, so a restarted run resumes where
 * the last one stopped.
 */
final class StateFile {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The file's content: whose status it is, and the status. */
  record State(String fleet, ChaosFleetStatus status) {}

  private final Path file;

  StateFile(Path file) {
    this.file = file;
  }

  /**
   * The status last written for {@code fleet}; empty when there is none, it belongs to another
   * fleet, or it cannot be read (then the run starts afresh and says why).
   */
  Optional<ChaosFleetStatus> read(String fleet, java.util.function.Consumer<String> warn) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      var state = JSON.readValue(file.toFile(), State.class);
      if (state == null || !fleet.equals(state.fleet())) {
        warn.accept(file + " holds the status of another fleet; starting afresh");
        return Optional.empty();
      }
      return Optional.ofNullable(state.status());
    } catch (IOException e) {
      warn.accept(file + " cannot be read (" + e.getMessage() + "); starting afresh");
      return Optional.empty();
    }
  }

  void write(String fleet, ChaosFleetStatus status) throws IOException {
    RunDir.writeAtomically(file, JSON.writeValueAsString(new State(fleet, status)));
  }
}
