package dev.microscope.operator.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server that answers every request with one fixed status and body, or never
 * answers ({@link #hanging()}); it records what it was asked. For the failures a real Prometheus
 * does not produce on demand (5xx, a proxy's HTML page, a hang).
 */
final class StubServer implements AutoCloseable {
  private final HttpServer server;
  private final List<URI> requests = new CopyOnWriteArrayList<>();
  private final List<String> methods = new CopyOnWriteArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);

  private StubServer(int status, String body, boolean hang) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> answer(exchange, status, body, hang));
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  static StubServer answering(int status, String body) {
    return new StubServer(status, body, false);
  }

  static StubServer hanging() {
    return new StubServer(0, "", true);
  }

  private void answer(HttpExchange exchange, int status, String body, boolean hang)
      throws IOException {
    try (exchange) {
      requests.add(exchange.getRequestURI());
      methods.add(exchange.getRequestMethod());
      if (hang) {
        released.await();
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<String> methods() {
    return List.copyOf(methods);
  }

  List<URI> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
  }
}
