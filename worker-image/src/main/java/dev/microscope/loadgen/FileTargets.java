package dev.microscope.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microscope.worker.json.Json;
import dev.microscope.worker.logging.JsonLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code --targets-file}: Prometheus file_sd JSON ({@code [{"targets": ["h:p", ..]}]}) or one
 * {@code host:port} a line ({@code #} starts a comment). Read on every call, so edits are picked
 * up; a file that cannot be read or parsed keeps the last good list.
 */
public final class FileTargets implements TargetSource {
  private static final JsonLog LOG = JsonLog.named("targets");

  private final Path file;
  private byte[] lastContent;
  private List<String> last = List.of();

  public FileTargets(Path file) {
    this.file = file;
  }

  @Override
  public synchronized List<String> hostPorts() {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      return last;
    }
    if (Arrays.equals(content, lastContent)) {
      return last;
    }
    lastContent = content;
    try {
      last = List.copyOf(parse(content));
      LOG.info("targets file read", "file", file, "targets", last.size());
    } catch (RuntimeException e) {
      LOG.error("targets file rejected, keeping the last list", e, "file", file);
    }
    return last;
  }

  static List<String> parse(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8).strip();
    List<String> targets = new ArrayList<>();
    if (text.startsWith("[")) {
      JsonNode groups = Json.parse(content);
      for (JsonNode group : groups) {
        for (JsonNode target : group.path("targets")) {
          targets.add(HostPort.check(target.asText()));
        }
      }
      return targets;
    }
    for (String line : text.split("\n")) {
      int comment = line.indexOf('#');
      String target = (comment >= 0 ? line.substring(0, comment) : line).strip();
      if (!target.isEmpty()) {
        targets.add(HostPort.check(target));
      }
    }
    return targets;
  }
}
