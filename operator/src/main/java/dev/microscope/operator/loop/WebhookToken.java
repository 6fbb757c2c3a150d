package dev.microscope.operator.loop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The bearer token that Alertmanager sends to the webhook, read from a file (a mounted Secret) and
 * read again when the file changes, so a rotated Secret takes effect without a restart. Compared in
 * constant time: both sides are hashed first, so neither the content nor the length of the token
 * shows in the time a wrong guess takes.
 */
public final class WebhookToken {
  private final Path file;
  private volatile FileTime readAt;
  private volatile byte[] digest;

  private WebhookToken(Path file) {
    this.file = file;
  }

  /**
   * @throws IllegalArgumentException when the file cannot be read or holds no token
   */
  public static WebhookToken fromFile(Path file) {
    var token = new WebhookToken(file);
    try {
      token.reload();
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalArgumentException("cannot read the webhook token file " + file, e);
    }
    return token;
  }

  /** True when the header is {@code Bearer <token>}. */
  public boolean matches(String authorizationHeader) {
    try {
      if (!Files.getLastModifiedTime(file).equals(readAt)) {
        reload();
      }
    } catch (IOException | IllegalArgumentException e) {
      // keep the token read last: a Secret being rotated is briefly unreadable
    }
    if (authorizationHeader == null
        || authorizationHeader.length() < 7
        || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(digest, sha256(authorizationHeader.substring(7).strip()));
  }

  private synchronized void reload() throws IOException {
    var modified = Files.getLastModifiedTime(file);
    var token = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (token.isEmpty()) {
      throw new IllegalArgumentException("the webhook token file " + file + " is empty");
    }
    digest = sha256(token);
    readAt = modified;
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
    return "WebhookToken[" + file + "]";
  }
}
