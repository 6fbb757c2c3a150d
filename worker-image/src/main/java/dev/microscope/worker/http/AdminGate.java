package dev.microscope.worker.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Optional;

/**
 * What every admin endpoint checks first: the API is off ({@code 403}) without a configured token,
 * and a request without the right bearer token gets {@code 401}.
 */
public final class AdminGate {
  /** Largest admin request body; bigger ones get {@code 413}. */
  public static final int MAX_BODY_BYTES = 64 * 1024;

  private final Optional<BearerToken> token;

  public AdminGate(Optional<BearerToken> token) {
    this.token = token;
  }

  /** True when the request may go on; otherwise the answer has been sent. */
  public boolean admit(HttpExchange exchange) throws IOException {
    if (token.isEmpty()) {
      Exchanges.error(
          exchange,
          403,
          "admin API disabled: no token configured (--admin-token-file or MICROSCOPE_ADMIN_TOKEN)");
      return false;
    }
    if (!token.get().matches(exchange.getRequestHeaders().getFirst("Authorization"))) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
      Exchanges.error(exchange, 401, "missing or wrong bearer token");
      return false;
    }
    return true;
  }
}
