package dev.microscope.operator.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The directory of one local fleet run: a lock held while it runs (one run per directory), the
 * processes' pid and log files, the secrets (mode 0600), the targets files, Prometheus' and
 * Alertmanager's data, and the fleet's status ({@code state.json}), which alone outlives a run.
 */
public final class RunDir implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration STALE_STOP_WAIT = Duration.ofSeconds(10);

  private final Path root;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private RunDir(Path root, FileChannel lockChannel, FileLock lock) {
    this.root = root;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Takes the directory for this run: fails when another run holds it, stops processes a run that
   * died left behind, and removes everything of earlier runs but the status.
   *
   * @return what was cleaned up, for the log
   */
  public static RunDir open(Path root, List<String> cleaned) throws IOException {
    Files.createDirectories(root);
    var channel =
        FileChannel.open(
            root.resolve("run.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      lock = null; // held by this very process
    }
    if (lock == null) {
      channel.close();
      throw new IllegalStateException(
          "another microscope local run uses " + root + " (stop it, or pass another --run-dir)");
    }
    var dir = new RunDir(root.toAbsolutePath(), channel, lock);
    try {
      cleaned.addAll(dir.cleanStale());
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
    return dir;
  }

  public Path root() {
    return root;
  }

  public Path processes() {
    return root.resolve("processes");
  }

  public Path state() {
    return root.resolve("state.json");
  }

  public Path prometheusTargets() {
    return root.resolve("targets.json");
  }

  public Path trafficTargets() {
    return root.resolve("traffic-targets.json");
  }

  public Path config(String name) {
    return root.resolve("config").resolve(name);
  }

  public Path data(String name) {
    return root.resolve("data").resolve(name);
  }

  /** A fresh random token in a file only its owner can read. */
  public Path secret(String name) throws IOException {
    var file = root.resolve(name);
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    var bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    Files.writeString(file, HexFormat.of().formatHex(bytes) + "\n", StandardCharsets.US_ASCII);
    return file;
  }

  /** Writes a file by renaming a complete copy over it, so a reader never sees half of it. */
  public static void writeAtomically(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    var tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Stops processes of a dead run (pid files) that still run, then clears all but the status. */
  private List<String> cleanStale() throws IOException {
    var cleaned = new ArrayList<String>();
    if (Files.isDirectory(processes())) {
      try (Stream<Path> files = Files.list(processes())) {
        for (Path pidFile : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
          stopIfOurs(pidFile).ifPresent(cleaned::add);
        }
      }
    }
    for (String name : List.of("processes", "config", "data")) {
      deleteTree(root.resolve(name));
    }
    for (Path file : List.of(prometheusTargets(), trafficTargets())) {
      Files.deleteIfExists(file);
    }
    return cleaned;
  }

  /** Stops the process of a pid file when it still runs and is one this directory started. */
  private Optional<String> stopIfOurs(Path pidFile) throws IOException {
    long pid;
    try {
      pid = Long.parseLong(Files.readString(pidFile).strip());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    var handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    // a pid can be reused by an unrelated process: only one whose command line names this
    // directory is ours
    var ours =
        handle.filter(
            h -> h.info().commandLine().map(c -> c.contains(root.toString())).orElse(false));
    if (ours.isEmpty()) {
      return Optional.empty();
    }
    var process = ours.get();
    process.destroy();
    try {
      process.onExit().get(STALE_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
    }
    return Optional.of(
        "stopped process "
            + pid
            + " left by an earlier run ("
            + pidFile.getFileName().toString().replace(".pid", "")
            + ")");
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      // the lock goes with the process anyway
    }
  }
}
