package dev.microscope.operator.constraints;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** CPU written as a Kubernetes quantity ({@code 500m}, {@code 1}, {@code 1.5}), in millicores. */
public final class CpuQuantity {
  private static final Pattern FORM = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)(m)?$");

  private CpuQuantity() {}

  /**
   * @throws IllegalArgumentException naming {@code field} when it is not a CPU quantity
   */
  public static long millis(String quantity, String field) {
    var m = quantity == null ? null : FORM.matcher(quantity.strip());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          field + " is '" + quantity + "', not a CPU quantity such as 500m or 1");
    }
    var value = new BigDecimal(m.group(1));
    var millis = m.group(2) == null ? value.movePointRight(3) : value;
    return millis.setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** Millicores as a quantity. */
  public static String of(long millis) {
    return millis + "m";
  }
}
