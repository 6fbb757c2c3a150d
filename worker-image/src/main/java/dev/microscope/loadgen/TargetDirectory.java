package dev.microscope.loadgen;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microscope.worker.json.Json;
import dev.microscope.worker.logging.JsonLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The workers traffic goes to: the targets of every source, each one's virtual workers learned from
 * its {@code GET /workers}. A target that stops answering keeps its last known workers (the traffic
 * generator should see it fail, not forget it); a target gone from discovery is dropped.
 */
public final class TargetDirectory {
  private static final JsonLog LOG = JsonLog.named("targets");
  private static final Duration KNOWN_REFRESH = Duration.ofSeconds(10);
  private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(2);

  private final List<TargetSource> sources;
  private final HttpClient client;
  private final InstantSource clock;
  private final Map<String, Known> known = new LinkedHashMap<>();
  private volatile List<TargetWorker> workers = List.of();

  private record Known(List<String> workerIds, Instant fetchedAt) {}

  public TargetDirectory(List<TargetSource> sources, HttpClient client, InstantSource clock) {
    this.sources = List.copyOf(sources);
    this.client = client;
    this.clock = clock;
  }

  /** The current workers, in a stable order. */
  public List<TargetWorker> workers() {
    return workers;
  }

  /** One pass: read the sources, ask due targets for their workers, publish the result. */
  public synchronized void refresh() {
    Set<String> targets = new LinkedHashSet<>();
    for (TargetSource source : sources) {
      targets.addAll(source.hostPorts());
    }
    known.keySet().retainAll(targets);
    Instant now = clock.instant();
    List<String> due =
        targets.stream()
            .filter(
                t ->
                    !known.containsKey(t)
                        || !now.isBefore(known.get(t).fetchedAt().plus(KNOWN_REFRESH)))
            .toList();
    fetchAll(due, now);
    List<TargetWorker> result = new ArrayList<>();
    for (String target : targets) {
      Known k = known.get(target);
      if (k != null) {
        k.workerIds().forEach(id -> result.add(new TargetWorker(target, id)));
      }
    }
    if (!result.equals(workers)) {
      LOG.info("workers changed", "targets", targets.size(), "workers", result.size());
      workers = List.copyOf(result);
    }
  }

  private void fetchAll(List<String> due, Instant now) {
    if (due.isEmpty()) {
      return;
    }
    List<Callable<List<String>>> fetches = new ArrayList<>();
    due.forEach(target -> fetches.add(() -> fetch(target)));
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<List<String>>> results =
          pool.invokeAll(fetches, FETCH_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
      for (int i = 0; i < due.size(); i++) {
        Future<List<String>> result = results.get(i);
        if (result.state() == Future.State.SUCCESS && result.resultNow() != null) {
          known.put(due.get(i), new Known(result.resultNow(), now));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The target's worker ids, or null when it did not answer properly. */
  private List<String> fetch(String target) {
    try {
      HttpResponse<byte[]> response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://" + target + "/workers"))
                  .timeout(FETCH_TIMEOUT)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        return null;
      }
      List<String> ids = new ArrayList<>();
      for (JsonNode id : Json.parse(response.body()).path("workers")) {
        ids.add(id.asText());
      }
      return ids;
    } catch (IOException | RuntimeException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
