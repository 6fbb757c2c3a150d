package dev.microscope.chaos;

import java.util.Random;

/**
 * Random sources derived from one seed: each worker (and each use within it) gets its own stream,
 * so a run under a fixed seed makes the same choices whatever else happens in the process.
 */
public final class Seeds {
  private Seeds() {}

  public static Random random(long seed, String workerId, String use) {
    return new Random(derive(seed, workerId, use));
  }

  public static long derive(long seed, String workerId, String use) {
    long h = mix(seed);
    h = mix(h ^ workerId.hashCode());
    return mix(h ^ use.hashCode());
  }

  // SplitMix64 finaliser: neighbouring inputs give unrelated outputs
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
