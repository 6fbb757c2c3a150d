package dev.microscope.operator.prometheus;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** How the operator authenticates to Prometheus. Secrets never appear in {@code toString}. */
public sealed interface Auth {
  /** The {@code Authorization} header value, if any. */
  Optional<String> header();

  static Auth none() {
    return None.INSTANCE;
  }

  static Auth bearer(String token) {
    return new Bearer(token);
  }

  static Auth basic(String username, String password) {
    return new Basic(username, password);
  }

  /** No credentials. */
  enum None implements Auth {
    INSTANCE;

    @Override
    public Optional<String> header() {
      return Optional.empty();
    }
  }

  /** {@code Authorization: Bearer <token>}. */
  record Bearer(String token) implements Auth {
    public Bearer {
      if (token == null
          || token.isBlank()
          || token.strip().chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("prometheus bearer token must be one non-empty word");
      }
      token = token.strip();
    }

    @Override
    public Optional<String> header() {
      return Optional.of("Bearer " + token);
    }

    @Override
    public String toString() {
      return "Bearer[***]";
    }
  }

  /** {@code Authorization: Basic base64(user:password)}. */
  record Basic(String username, String password) implements Auth {
    public Basic {
      if (username == null || username.isEmpty() || username.contains(":")) {
        throw new IllegalArgumentException(
            "prometheus basic auth username must be non-empty without ':'");
      }
      if (password == null) {
        throw new IllegalArgumentException("prometheus basic auth password is required");
      }
    }

    @Override
    public Optional<String> header() {
      String pair = username + ":" + password;
      return Optional.of(
          "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
      return "Basic[" + username + ":***]";
    }
  }
}
