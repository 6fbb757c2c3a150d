package dev.microscope.operator.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process this run started: output to {@code <name>.log}, its pid in {@code <name>.pid} (so a
 * later run can stop it should this one die without cleaning up), stopped with SIGTERM and, after a
 * grace period, SIGKILL.
 */
final class ChildProcess {
  private final String name;
  private final Process process;
  private final Path pidFile;
  private final Path logFile;
  private final Instant started;

  private ChildProcess(String name, Process process, Path pidFile, Path logFile) {
    this.name = name;
    this.process = process;
    this.pidFile = pidFile;
    this.logFile = logFile;
    this.started = Instant.now();
  }

  static ChildProcess start(String name, List<String> command, Path dir) throws IOException {
    Files.createDirectories(dir);
    var log = dir.resolve(name + ".log");
    var process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    var pidFile = dir.resolve(name + ".pid");
    Files.writeString(pidFile, Long.toString(process.pid()));
    return new ChildProcess(name, process, pidFile, log);
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  Instant started() {
    return started;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Exit code; -1 while it runs. */
  int exitCode() {
    return process.isAlive() ? -1 : process.exitValue();
  }

  /** The last lines of its output, for an error message. */
  String logTail(int lines) {
    try {
      var tail = new ArrayDeque<String>();
      for (String line : Files.readAllLines(logFile, StandardCharsets.UTF_8)) {
        tail.addLast(line);
        if (tail.size() > lines) {
          tail.removeFirst();
        }
      }
      return String.join("\n", tail);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  /** SIGTERM, then SIGKILL after {@code grace}; waits until it is gone. */
  void stop(Duration grace) {
    process.toHandle().descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      // a stale pid file names a dead process: the next run skips it
    }
  }
}
