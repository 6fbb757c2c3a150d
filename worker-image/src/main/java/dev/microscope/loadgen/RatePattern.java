package dev.microscope.loadgen;

/** How the request rate moves over time around the configured rate. */
public sealed interface RatePattern {
  /** The rate {@code seconds} after the pattern started, for a configured {@code rate}. */
  double rateAt(double rate, double seconds);

  /** The {@code pattern.type} of the admin JSON. */
  String type();

  /** Always the configured rate. */
  record Constant() implements RatePattern {
    @Override
    public double rateAt(double rate, double seconds) {
      return rate;
    }

    @Override
    public String type() {
      return "constant";
    }
  }

  /** The rate times {@code 1 + amplitude * sin(2 pi t / period)}. */
  record Sine(double periodSeconds, double amplitude) implements RatePattern {
    @Override
    public double rateAt(double rate, double seconds) {
      return Math.max(0, rate * (1 + amplitude * Math.sin(2 * Math.PI * seconds / periodSeconds)));
    }

    @Override
    public String type() {
      return "sine";
    }
  }

  /** {@code burstRate} for the first {@code durationSeconds} of every {@code everySeconds}. */
  record Burst(double everySeconds, double durationSeconds, double burstRate)
      implements RatePattern {
    @Override
    public double rateAt(double rate, double seconds) {
      return seconds % everySeconds < durationSeconds ? burstRate : rate;
    }

    @Override
    public String type() {
      return "burst";
    }
  }
}
