package dev.microscope.worker;

import dev.microscope.worker.json.BadFieldException;
import dev.microscope.worker.json.Json;
import dev.microscope.worker.json.JsonObjectReader;
import java.util.EnumMap;
import java.util.Map;

/**
 * The profile of every endpoint: the defaults of the contract, overridden per endpoint by a {@code
 * --profiles} file, with every latency multiplied by the time scale.
 */
public final class Profiles {
  private final Map<Endpoint, EndpointProfile> profiles;
  private final double timeScale;

  private Profiles(Map<Endpoint, EndpointProfile> profiles, double timeScale) {
    this.profiles = profiles;
    this.timeScale = timeScale;
  }

  public static Profiles defaults(double timeScale) {
    Map<Endpoint, EndpointProfile> profiles = new EnumMap<>(Endpoint.class);
    for (Endpoint endpoint : Endpoint.all()) {
      profiles.put(endpoint, endpoint.defaultProfile());
    }
    return new Profiles(profiles, timeScale);
  }

  /**
   * The defaults overridden by {@code {"endpoints": {"/api/users": {"minMs": .., "maxMs": ..,
   * "errorRate": ..}}}}; fields left out keep their default.
   */
  public static Profiles parse(byte[] json, double timeScale) {
    JsonObjectReader root = JsonObjectReader.root(Json.parse(json));
    Map<Endpoint, EndpointProfile> profiles = new EnumMap<>(defaults(timeScale).profiles);
    JsonObjectReader endpoints = root.optionalObject("endpoints");
    root.rejectUnknown();
    if (endpoints == null) {
      return new Profiles(profiles, timeScale);
    }
    for (String path : endpoints.fieldNames()) {
      Endpoint endpoint =
          Endpoint.ofPath(path)
              .orElseThrow(
                  () ->
                      new BadFieldException(
                          endpoints.path(path), "unknown endpoint " + endpoints.path(path)));
      JsonObjectReader item = endpoints.optionalObject(path);
      EndpointProfile base = profiles.get(endpoint);
      long minMs = item.integer("minMs", 0, 600_000, base.minMs());
      long maxMs = item.integer("maxMs", 0, 600_000, Math.max(minMs, base.maxMs()));
      double errorRate = item.number("errorRate", 0, 1, base.errorRate());
      item.rejectUnknown();
      if (maxMs < minMs) {
        throw new BadFieldException(item.path("maxMs"), item.path("maxMs") + " must be >= minMs");
      }
      profiles.put(endpoint, new EndpointProfile(minMs, maxMs, errorRate));
    }
    return new Profiles(profiles, timeScale);
  }

  public EndpointProfile of(Endpoint endpoint) {
    return profiles.get(endpoint);
  }

  public double timeScale() {
    return timeScale;
  }
}
