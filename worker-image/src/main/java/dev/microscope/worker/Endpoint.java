package dev.microscope.worker;

import java.util.Optional;

/** The fake API of a worker. The path doubles as the {@code endpoint} label. */
public enum Endpoint {
  USERS("/api/users", "GET", 50, 200, 0.05),
  ORDERS("/api/orders", "POST", 100, 300, 0.10),
  SLOW("/api/slow", "GET", 3000, 5000, 0.0);

  private static final Endpoint[] ALL = values();

  private final String path;
  private final String method;
  private final EndpointProfile defaultProfile;

  Endpoint(String path, String method, int minMs, int maxMs, double errorRate) {
    this.path = path;
    this.method = method;
    this.defaultProfile = new EndpointProfile(minMs, maxMs, errorRate);
  }

  public String path() {
    return path;
  }

  public String method() {
    return method;
  }

  public EndpointProfile defaultProfile() {
    return defaultProfile;
  }

  public static Optional<Endpoint> ofPath(String path) {
    for (Endpoint endpoint : ALL) {
      if (endpoint.path.equals(path)) {
        return Optional.of(endpoint);
      }
    }
    return Optional.empty();
  }

  /** All endpoints, shared (callers must not modify it). */
  public static Endpoint[] all() {
    return ALL;
  }
}
