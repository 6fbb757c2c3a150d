package dev.microscope.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * Memory a leak fault holds on the heap: chunks of at most 1 MiB, every page written so it is
 * resident, released all at once when the fault ends.
 */
final class RetainedMemory {
  private static final int CHUNK_BYTES = 1 << 20;
  private static final int PAGE_BYTES = 4096;

  private final List<byte[]> chunks = new ArrayList<>();
  private volatile long bytes;

  long bytes() {
    return bytes;
  }

  /** Retains more until {@code target} bytes are held. */
  synchronized void growTo(long target) {
    long held = bytes;
    while (held < target) {
      byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, target - held)];
      for (int i = 0; i < chunk.length; i += PAGE_BYTES) {
        chunk[i] = 1;
      }
      chunks.add(chunk);
      held += chunk.length;
      bytes = held;
    }
  }

  /** Lets go of chunks until at most {@code target} bytes are held. */
  synchronized void shrinkTo(long target) {
    long held = bytes;
    while (held > target && !chunks.isEmpty()) {
      held -= chunks.remove(chunks.size() - 1).length;
    }
    bytes = held;
  }

  synchronized void release() {
    chunks.clear();
    ((ArrayList<byte[]>) chunks).trimToSize();
    bytes = 0;
  }
}
