package dev.microscope.chaos;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves by hand. */
public final class MutableClock implements InstantSource {
  private volatile Instant now;

  public MutableClock(Instant start) {
    this.now = start;
  }

  public static MutableClock atEpochPlus(long seconds) {
    return new MutableClock(Instant.parse("2030-01-01T00:00:00Z").plusSeconds(seconds));
  }

  @Override
  public Instant instant() {
    return now;
  }

  public void advance(Duration step) {
    now = now.plus(step);
  }

  public void advanceMillis(long millis) {
    advance(Duration.ofMillis(millis));
  }
}
