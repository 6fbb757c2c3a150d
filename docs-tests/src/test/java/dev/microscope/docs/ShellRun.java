package dev.microscope.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs shell code with bash ({@code -eo pipefail}) from the repository root, its output to a file,
 * within a deadline; on timeout the whole process tree is killed.
 */
final class ShellRun {
  record Result(int exitCode, String output, boolean timedOut) {}

  private ShellRun() {}

  static Result run(String code, Map<String, String> env, Duration timeout, Path outputFile) {
    var builder =
        new ProcessBuilder("bash", "-eo", "pipefail", "-c", code)
            .directory(RepoFiles.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(outputFile.toFile());
    builder.environment().putAll(env);
    Process process = null;
    try {
      process = builder.start();
      boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!done) {
        kill(process);
      }
      return new Result(
          done ? process.exitValue() : -1,
          Files.readString(outputFile, StandardCharsets.UTF_8),
          !done);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      if (process != null) {
        kill(process);
      }
    }
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
