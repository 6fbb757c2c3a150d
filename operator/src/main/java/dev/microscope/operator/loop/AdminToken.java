package dev.microscope.operator.loop;

import java.util.Objects;

/** The bearer token of a fleet's admin APIs. Never shown: {@code toString} hides it. */
public final class AdminToken {
  private final String token;

  private AdminToken(String token) {
    this.token = token;
  }

  /**
   * @throws IllegalArgumentException when the token is empty or holds white space
   */
  public static AdminToken of(String token) {
    Objects.requireNonNull(token, "admin token");
    var stripped = token.strip();
    if (stripped.isEmpty() || stripped.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("the admin token must be one non-empty word");
    }
    return new AdminToken(stripped);
  }

  /** The {@code Authorization} header value. */
  String header() {
    return "Bearer " + token;
  }

  @Override
  public String toString() {
    return "AdminToken[redacted]";
  }
}
