package dev.microscope.worker.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/** The JDK's HTTP server, one virtual thread per exchange, one root handler that routes. */
public final class HttpServers {
  static {
    // Without TCP_NODELAY small keep-alive responses wait for delayed ACKs (about 40 ms each).
    // Read once when the server implementation loads, so it has to be set before the first
    // server exists.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private HttpServers() {}

  public static HttpServer start(String bind, int port, HttpHandler root) {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 1024);
      server.createContext("/", root);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + bind + ":" + port, e);
    }
  }
}
