package dev.microscope.operator.control;

import java.time.Duration;
import java.util.Objects;

/** Validation of policy fields; every message names the field as the ChaosFleet spec spells it. */
final class Checks {
  private Checks() {}

  static double between(double value, double min, double max, String field) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          field
              + " must be within "
              + Numbers.format(min)
              + ".."
              + Numbers.format(max)
              + ", got "
              + Numbers.format(value));
    }
    return value;
  }

  static int atLeast(int value, int min, String field) {
    if (value < min) {
      throw new IllegalArgumentException(field + " must be at least " + min + ", got " + value);
    }
    return value;
  }

  static long atLeast(long value, long min, String field) {
    if (value < min) {
      throw new IllegalArgumentException(field + " must be at least " + min + ", got " + value);
    }
    return value;
  }

  static Duration positive(Duration value, String field) {
    Objects.requireNonNull(value, field + " is required");
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(field + " must be positive, got " + value);
    }
    return value;
  }

  static Duration notNegative(Duration value, String field) {
    Objects.requireNonNull(value, field + " is required");
    if (value.isNegative()) {
      throw new IllegalArgumentException(field + " must not be negative, got " + value);
    }
    return value;
  }

  static <T> T required(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value;
  }

  static String notBlank(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be empty");
    }
    return value;
  }
}
