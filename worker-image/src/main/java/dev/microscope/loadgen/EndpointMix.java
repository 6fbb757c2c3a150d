package dev.microscope.loadgen;

import dev.microscope.worker.Endpoint;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/** Endpoint weights: each request picks an endpoint with probability weight / total. */
public final class EndpointMix {
  private final Map<Endpoint, Double> weights;
  private final double[] cumulative = new double[Endpoint.all().length];
  private final double total;

  /** {@code weights} must be non-negative with a positive sum; missing endpoints weigh 0. */
  public EndpointMix(Map<Endpoint, Double> weights) {
    this.weights = new EnumMap<>(Endpoint.class);
    double sum = 0;
    for (Endpoint endpoint : Endpoint.all()) {
      double weight = weights.getOrDefault(endpoint, 0.0);
      if (!(weight >= 0)) {
        throw new IllegalArgumentException("weight of " + endpoint.path() + " must be >= 0");
      }
      this.weights.put(endpoint, weight);
      sum += weight;
      cumulative[endpoint.ordinal()] = sum;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("the weights must not all be 0");
    }
    this.total = sum;
  }

  public static EndpointMix defaults() {
    return new EndpointMix(Map.of(Endpoint.USERS, 70.0, Endpoint.ORDERS, 25.0, Endpoint.SLOW, 5.0));
  }

  /** Parses {@code /api/users=70,/api/orders=25,/api/slow=5}. */
  public static EndpointMix parse(String text) {
    Map<Endpoint, Double> weights = new EnumMap<>(Endpoint.class);
    for (String part : text.split(",")) {
      String[] kv = part.strip().split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException(
            "expected endpoint=weight, got \"" + part.strip() + "\"");
      }
      Endpoint endpoint =
          Endpoint.ofPath(kv[0].strip())
              .orElseThrow(() -> new IllegalArgumentException("unknown endpoint " + kv[0].strip()));
      try {
        weights.put(endpoint, Double.parseDouble(kv[1].strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("weight of " + endpoint.path() + " must be a number");
      }
    }
    return new EndpointMix(weights);
  }

  public Endpoint pick(Random random) {
    double x = random.nextDouble() * total;
    Endpoint[] all = Endpoint.all();
    for (int i = 0; i < all.length; i++) {
      if (x < cumulative[i]) {
        return all[i];
      }
    }
    return all[all.length - 1];
  }

  public Map<Endpoint, Double> weights() {
    return new EnumMap<>(weights);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EndpointMix mix && mix.weights.equals(weights);
  }

  @Override
  public int hashCode() {
    return weights.hashCode();
  }
}
