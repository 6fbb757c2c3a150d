package dev.microscope.operator.local;

import dev.microscope.operator.loop.WorkerHost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One worker host of the local runtime: a process of the worker jar on its own loopback port, kept
 * across restarts (a restarted worker keeps its {@code instance}, as a pod keeps its address).
 * Ready once its {@code /health} answered after its latest start.
 */
final class WorkerProcess {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private static final Duration START_WAIT = Duration.ofSeconds(120);

  /** Resident memory that moved less than this over {@link #STEADY_SAMPLES} seconds is steady. */
  private static final double STEADY_BYTES = 1024 * 1024;

  private static final int STEADY_SAMPLES = 6;
  private static final Duration STEADY_WAIT = Duration.ofSeconds(60);

  private final String name;
  private final int port;
  private final List<String> workerIds;
  private final boolean awaitSteadyMemory;
  private ChildProcess process;
  private long memoryLimitBytes;
  private boolean quarantined;
  private volatile boolean listening;
  private volatile boolean ready;
  private int memoryKills;

  /**
   * @param awaitSteadyMemory ready only once its resident memory stopped climbing under traffic: a
   *     JVM that just started grows for a while, which Prometheus' memory trend would read as a
   *     leak, so a worker gets traffic as soon as it answers but is scraped (and seen by the
   *     control loop) only once warm
   */
  WorkerProcess(String name, int port, List<String> workerIds, boolean awaitSteadyMemory) {
    this.name = name;
    this.port = port;
    this.workerIds = List.copyOf(workerIds);
    this.awaitSteadyMemory = awaitSteadyMemory;
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  String hostPort() {
    return "127.0.0.1:" + port;
  }

  URI base() {
    return URI.create("http://" + hostPort());
  }

  synchronized void start(ChildProcess started, long limitBytes) {
    this.process = started;
    this.memoryLimitBytes = limitBytes;
    this.ready = false;
    this.listening = false;
    Thread.ofVirtual().name("ready-" + name).start(() -> awaitReady(started));
  }

  /** Polls {@code /health} until it answers, the process ends or the start takes too long. */
  private void awaitReady(ChildProcess started) {
    var deadline = Instant.now().plus(START_WAIT);
    var request = HttpRequest.newBuilder(base().resolve("/health")).timeout(START_WAIT).build();
    while (started.isAlive() && Instant.now().isBefore(deadline)) {
      try {
        if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          listening = true;
          if (awaitSteadyMemory) {
            awaitSteadyMemory(started);
          }
          synchronized (this) {
            ready = process == started && started.isAlive();
          }
          return;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        Thread.sleep(100); // polling a starting process, not synchronising a test
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Samples resident memory once a second until it is steady, or for at most a minute. */
  private void awaitSteadyMemory(ChildProcess started) throws InterruptedException {
    var samples = new java.util.ArrayDeque<Double>();
    var deadline = Instant.now().plus(STEADY_WAIT);
    var request = HttpRequest.newBuilder(base().resolve("/metrics")).timeout(START_WAIT).build();
    while (started.isAlive() && Instant.now().isBefore(deadline)) {
      samples.addLast(residentBytes(request));
      if (samples.size() > STEADY_SAMPLES) {
        samples.removeFirst();
      }
      if (samples.size() == STEADY_SAMPLES
          && Math.abs(samples.getLast() - samples.getFirst()) < STEADY_BYTES) {
        return;
      }
      Thread.sleep(1000); // sampling a process' memory once a second
    }
  }

  private static double residentBytes(HttpRequest request) throws InterruptedException {
    try {
      var body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
      for (String line : body.split("\n")) {
        if (line.startsWith("process_resident_memory_bytes")) {
          return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
    } catch (java.io.IOException | NumberFormatException e) {
      // a process on its way out, or a partial answer: no sample
    }
    return Double.NaN;
  }

  synchronized void stop(Duration grace) {
    ready = false;
    listening = false;
    if (process != null) {
      process.stop(grace);
    }
  }

  /** True once the process ended by itself; an end by memory counts as a memory kill. */
  synchronized boolean exited() {
    if (process == null || process.isAlive()) {
      return false;
    }
    return true;
  }

  synchronized void countExit() {
    if (process != null && process.exitCode() == WorkerLaunch.OUT_OF_MEMORY_EXIT) {
      memoryKills++;
    }
  }

  synchronized String logTail() {
    return process == null ? "" : process.logTail(20);
  }

  synchronized long pid() {
    return process == null ? -1 : process.pid();
  }

  synchronized long memoryLimitBytes() {
    return memoryLimitBytes;
  }

  synchronized boolean quarantined() {
    return quarantined;
  }

  synchronized void quarantine() {
    quarantined = true;
  }

  boolean ready() {
    return ready;
  }

  /** Answers HTTP: the traffic generator may send to it (while it warms up, too). */
  boolean listening() {
    return listening;
  }

  synchronized WorkerHost host() {
    return new WorkerHost(
        name,
        base(),
        ready && process != null && process.isAlive(),
        quarantined,
        process == null ? null : process.started(),
        memoryKills,
        workerIds);
  }
}
