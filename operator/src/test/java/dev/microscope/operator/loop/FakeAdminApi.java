package dev.microscope.operator.loop;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands for the admin APIs of several hosts on one loopback server: host {@code h} is {@link
 * #base(String) base("h")}. Records every request and answers 200, or the status set for a path.
 */
final class FakeAdminApi implements AutoCloseable {
  record Request(String method, String path, String body, String authorization) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  FakeAdminApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var path = exchange.getRequestURI().getPath();
            requests.add(
                new Request(
                    exchange.getRequestMethod(),
                    path,
                    body,
                    exchange.getRequestHeaders().getFirst("Authorization")));
            int status = failures.getOrDefault(path, 200);
            var answer =
                (status == 200 ? "{}" : "{\"error\": \"broken on purpose\", \"field\": \"x\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
          }
        });
    server.start();
  }

  URI base(String host) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + host);
  }

  void fail(String path, int status) {
    failures.put(path, status);
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
