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

  private final String name;
  private final int port;
  private final List<String> workerIds;
  private ChildProcess process;
  private long memoryLimitBytes;
  private boolean quarantined;
  private volatile boolean ready;
  private int memoryKills;

  WorkerProcess(String name, int port, List<String> workerIds) {
    this.name = name;
    this.port = port;
    this.workerIds = List.copyOf(workerIds);
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
    Thread.ofVirtual().name("ready-" + name).start(() -> awaitReady(started));
  }

  /** Polls {@code /health} until it answers, the process ends or the start takes too long. */
  private void awaitReady(ChildProcess started) {
    var deadline = Instant.now().plus(START_WAIT);
    var request = HttpRequest.newBuilder(base().resolve("/health")).timeout(START_WAIT).build();
    while (started.isAlive() && Instant.now().isBefore(deadline)) {
      try {
        if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          synchronized (this) {
            ready = process == started;
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

  synchronized void stop(Duration grace) {
    ready = false;
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
