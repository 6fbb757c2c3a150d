package dev.microscope.worker.lifecycle;

import dev.microscope.worker.logging.JsonLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Calls back with a file's content whenever it changes. Polled, and compared by content rather than
 * modification time: a Kubernetes ConfigMap update swaps a symlink, and coarse timestamps miss
 * quick rewrites.
 */
public final class FileWatcher {
  private static final JsonLog LOG = JsonLog.named("files");

  private final Path file;
  private final Consumer<byte[]> onChange;
  private byte[] last;

  public FileWatcher(Path file, Consumer<byte[]> onChange) {
    this(file, null, onChange);
  }

  /** {@code current} is the content already in use: no callback until the file differs. */
  public FileWatcher(Path file, byte[] current, Consumer<byte[]> onChange) {
    this.file = file;
    this.last = current == null ? null : current.clone();
    this.onChange = onChange;
  }

  /** Reads the file now; calls back when its content differs from the last call. */
  public synchronized void poll() {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      if (last != null) {
        LOG.warn(
            "cannot read watched file, keeping its last content",
            "file",
            file,
            "error",
            e.toString());
      }
      return;
    }
    if (last != null && Arrays.equals(last, content)) {
      return;
    }
    last = content;
    try {
      onChange.accept(content);
    } catch (RuntimeException e) {
      LOG.error("watched file rejected, keeping the current settings", e, "file", file);
    }
  }
}
