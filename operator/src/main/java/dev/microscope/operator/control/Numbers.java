package dev.microscope.operator.control;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Number formatting for decision reasons and parameters: short, stable, locale-free. */
final class Numbers {
  private Numbers() {}

  static String format(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return new BigDecimal(v)
        .round(new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }

  /** Rounds a chaos level to three decimals so levels stay readable and comparable. */
  static double level(double v) {
    return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).doubleValue();
  }
}
