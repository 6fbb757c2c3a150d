import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The measuring side of bench/worker, run as a single-file program ({@code java Probe.java ...}):
 *
 * <pre>
 *   throughput URL SECONDS CONCURRENCY   completed 2xx requests per second, closed loop
 *   startup LOG -- COMMAND...            ms from process start to the first 200 from /metrics
 *                                        (the port is read from the COMMAND's --port flag)
 *   scrape URL COUNT                     bytes of one scrape and the median scrape time in ms
 * </pre>
 */
public final class Probe {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "throughput" ->
          throughput(URI.create(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      case "startup" -> startup(Path.of(args[1]), List.of(args).subList(3, args.length));
      case "scrape" -> scrape(URI.create(args[1]), Integer.parseInt(args[2]));
      default -> throw new IllegalArgumentException("unknown probe: " + args[0]);
    }
  }

  private static void throughput(URI url, int seconds, int concurrency) throws Exception {
    var ok = new LongAdder();
    var failed = new LongAdder();
    // a second of warm-up that is not counted, then the measured window
    long warmEnd = System.nanoTime() + Duration.ofSeconds(1).toNanos();
    long end = warmEnd + Duration.ofSeconds(seconds).toNanos();
    var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < concurrency; i++) {
        pool.submit(
            () -> {
              while (System.nanoTime() < end) {
                boolean counted = System.nanoTime() >= warmEnd;
                try {
                  int status = CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                  if (counted) {
                    (status == 200 ? ok : failed).increment();
                  }
                } catch (IOException e) {
                  if (counted) {
                    failed.increment();
                  }
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
      }
    }
    System.out.printf("%.1f %d%n", ok.sum() / (double) seconds, failed.sum());
  }

  private static void startup(Path log, List<String> command) throws Exception {
    int port = Integer.parseInt(command.get(command.indexOf("--port") + 1));
    var metrics = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
        .timeout(Duration.ofMillis(500))
        .build();
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      long deadline = start + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < deadline && process.isAlive()) {
        try {
          if (CLIENT.send(metrics, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
            System.out.printf("%.1f%n", (System.nanoTime() - start) / 1e6);
            return;
          }
        } catch (IOException notYetListening) {
          Thread.onSpinWait();
        }
      }
      throw new IllegalStateException("no scrape within 20 s; see " + log + ":\n" + Files.readString(log));
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  private static void scrape(URI url, int count) throws Exception {
    var request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build();
    List<Double> millis = new ArrayList<>();
    long bytes = 0;
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      bytes = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray()).body().length;
      millis.add((System.nanoTime() - start) / 1e6);
    }
    millis.sort(null);
    System.out.printf("%d %.2f%n", bytes, millis.get(millis.size() / 2));
  }
}
