package dev.microscope.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command-line tool (promtool, amtool) to completion and keeps what it printed. Fails, never
 * skips, when the tool is not installed.
 */
public final class ExternalTool {
  /** Exit code and combined output of one run. */
  public record Result(int exitCode, String output) {}

  private ExternalTool() {}

  /** Runs {@code tool} with {@code args} in {@code workDir}, at most five minutes. */
  public static Result run(Path workDir, String tool, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Binaries.require(tool).toString());
    command.addAll(List.of(args));
    Process process = null;
    Path output = null;
    try {
      // Output to a file, so a tool that hangs cannot block the reader past the timeout.
      output = Files.createTempFile(tool, ".out");
      process =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        throw new IllegalStateException(tool + " did not finish: " + command);
      }
      return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      if (process != null) {
        process.destroyForcibly();
      }
      deleteQuietly(output);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover temporary file is harmless
    }
  }
}
