package dev.microscope.operator.loop;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Memory amounts written as Kubernetes quantities in the spec's form ({@code 256Mi}, {@code 1G},
 * {@code 1048576}), read as bytes.
 */
public final class MemoryQuantity {
  private static final Pattern FORM =
      Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$");
  private static final Map<String, BigDecimal> FACTORS =
      Map.of(
          "m", new BigDecimal("0.001"),
          "k", BigDecimal.valueOf(1_000L),
          "M", BigDecimal.valueOf(1_000_000L),
          "G", BigDecimal.valueOf(1_000_000_000L),
          "T", BigDecimal.valueOf(1_000_000_000_000L),
          "Ki", BigDecimal.valueOf(1L << 10),
          "Mi", BigDecimal.valueOf(1L << 20),
          "Gi", BigDecimal.valueOf(1L << 30),
          "Ti", BigDecimal.valueOf(1L << 40));

  private MemoryQuantity() {}

  /**
   * Bytes of {@code quantity}, rounded up.
   *
   * @throws IllegalArgumentException naming {@code field} when it is not a quantity
   */
  public static long bytes(String quantity, String field) {
    var m = quantity == null ? null : FORM.matcher(quantity.strip());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          field + " is '" + quantity + "', not a quantity such as 256Mi or 1Gi");
    }
    var factor = m.group(2) == null ? BigDecimal.ONE : FACTORS.get(m.group(2));
    return new BigDecimal(m.group(1))
        .multiply(factor)
        .setScale(0, java.math.RoundingMode.CEILING)
        .longValueExact();
  }

  /** Bytes as a quantity: whole Mi when exact, else plain bytes. */
  public static String of(long bytes) {
    long mi = 1L << 20;
    return bytes % mi == 0 ? bytes / mi + "Mi" : Long.toString(bytes);
  }
}
