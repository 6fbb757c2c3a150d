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
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.strip()) > limit) {
          throw new PayloadTooLargeException(limit);
        }
      } catch (NumberFormatException e) {
        // the server itself rejects a malformed length; read and count instead
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(limit + 1);
      if (body.length > limit) {
        throw new PayloadTooLargeException(limit);
      }
      return body;
    }
  }
}
