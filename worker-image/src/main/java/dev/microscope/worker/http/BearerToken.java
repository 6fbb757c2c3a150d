package dev.microscope.worker.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The admin token. Compared in constant time: both sides are hashed first, so neither the content
 * nor the length of the token shows in the time a wrong guess takes.
 */
public final class BearerToken {
  private final byte[] digest;

  private BearerToken(byte[] digest) {
    this.digest = digest;
  }

  public static BearerToken of(String token) {
    if (token.isEmpty()) {
      throw new IllegalArgumentException("empty token");
    }
    return new BearerToken(sha256(token));
  }

  /** True when the header is {@code Bearer <this token>}. */
  public boolean matches(String authorizationHeader) {
    if (authorizationHeader == null || authorizationHeader.length() < 7) {
      return false;
    }
    if (!authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(digest, sha256(authorizationHeader.substring(7).strip()));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  @Override
  public String toString() {
    return "BearerToken[redacted]";
  }
}
