package dev.microscope.operator.prometheus;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS reverse proxy on loopback that lets a request through to a real Prometheus only with one
 * of the accepted {@code Authorization} headers, the way Prometheus is often exposed (an
 * authenticating proxy in front of it). It answers 401 otherwise.
 */
final class TlsAuthProxy implements AutoCloseable {
  private final HttpsServer server;
  private final HttpClient upstreamClient = HttpClient.newHttpClient();
  private final String upstream;
  private final List<byte[]> accepted;
  private final AtomicInteger rejected = new AtomicInteger();

  TlsAuthProxy(SSLContext tls, String upstream, Set<String> acceptedHeaders) {
    this.upstream = upstream;
    this.accepted = acceptedHeaders.stream().map(h -> h.getBytes(StandardCharsets.UTF_8)).toList();
    try {
      server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String header = exchange.getRequestHeaders().getFirst("Authorization");
      byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
      if (accepted.stream().noneMatch(a -> MessageDigest.isEqual(a, given))) {
        rejected.incrementAndGet();
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      HttpResponse<byte[]> response =
          upstreamClient.send(
              HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI())).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(response.statusCode(), response.body().length);
      exchange.getResponseBody().write(response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  int rejected() {
    return rejected.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
