package dev.microscope.worker.http;

import com.sun.net.httpserver.HttpExchange;
import dev.microscope.worker.json.BadFieldException;
import dev.microscope.worker.json.JsonText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Answers and request bodies of the JDK HTTP server, the way every handler here needs them. */
public final class Exchanges {
  private static final String JSON = "application/json";
  private static final long MAX_DRAIN_BYTES = 1 << 20;

  private Exchanges() {}

  public static void json(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", JSON);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  public static void json(HttpExchange exchange, int status, String body) throws IOException {
    json(exchange, status, body.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code {"error": message}} with the status. */
  public static void error(HttpExchange exchange, int status, String message) throws IOException {
    json(exchange, status, "{\"error\":" + JsonText.quote(message) + "}");
  }

  /** {@code 400 {"error": ..., "field": ...}}. */
  public static void badField(HttpExchange exchange, BadFieldException e) throws IOException {
    json(
        exchange,
        400,
        "{\"error\":"
            + JsonText.quote(e.getMessage())
            + ",\"field\":"
            + JsonText.quote(e.field())
            + "}");
  }

  public static void methodNotAllowed(HttpExchange exchange, String allow) throws IOException {
    exchange.getResponseHeaders().set("Allow", allow);
    error(exchange, 405, "method " + exchange.getRequestMethod() + " not allowed, use " + allow);
  }

  /** The whole body, refusing more than {@code limit} bytes whatever Content-Length says. */
  public static byte[] readBody(HttpExchange exchange, int limit)
      throws IOException, PayloadTooLargeException {
    try (InputStream in = exchange.getRequestBody()) {
      if (declaredLength(exchange) > limit) {
        drain(in);
        throw new PayloadTooLargeException(limit);
      }
      byte[] body = in.readNBytes(limit + 1);
      if (body.length > limit) {
        drain(in);
        throw new PayloadTooLargeException(limit);
      }
      return body;
    }
  }

  private static long declaredLength(HttpExchange exchange) {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    try {
      return declared == null ? -1 : Long.parseLong(declared.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Reads what the client is still sending (up to a bound) so it gets to read the 413 instead of a
   * reset connection.
   */
  private static void drain(InputStream in) throws IOException {
    long left = MAX_DRAIN_BYTES;
    byte[] buffer = new byte[8192];
    int n;
    while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
      left -= n;
    }
  }
}
