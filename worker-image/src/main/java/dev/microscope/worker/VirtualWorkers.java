package dev.microscope.worker;

import dev.microscope.chaos.ChaosTargets;
import dev.microscope.worker.json.JsonText;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/** The virtual workers of this process: lookup by id and round-robin for plain {@code /api}. */
public final class VirtualWorkers implements ChaosTargets {
  private final List<VirtualWorker> workers;
  private final Map<String, VirtualWorker> byId = new HashMap<>();
  private final AtomicInteger next = new AtomicInteger();
  private final byte[] listJson;

  public VirtualWorkers(List<VirtualWorker> workers) {
    this.workers = List.copyOf(workers);
    this.workers.forEach(w -> byId.put(w.id(), w));
    StringBuilder json = new StringBuilder("{\"workers\":[");
    for (int i = 0; i < this.workers.size(); i++) {
      json.append(i == 0 ? "" : ",");
      JsonText.appendQuoted(json, this.workers.get(i).id());
    }
    listJson = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The ids a process hosts: {@code id} alone for one worker, {@code id-0 .. id-(n-1)} for more.
   */
  public static List<String> ids(String id, int count) {
    if (count == 1) {
      return List.of(id);
    }
    return IntStream.range(0, count).mapToObj(i -> id + "-" + i).toList();
  }

  @Override
  public List<VirtualWorker> all() {
    return workers;
  }

  @Override
  public Optional<VirtualWorker> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The next worker in turn. */
  public VirtualWorker next() {
    return workers.get(Math.floorMod(next.getAndIncrement(), workers.size()));
  }

  public int size() {
    return workers.size();
  }

  /** {@code {"workers": [...]}}, the answer of {@code GET /workers}. */
  public byte[] listJson() {
    return listJson.clone();
  }
}
