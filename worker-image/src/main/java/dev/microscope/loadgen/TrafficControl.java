package dev.microscope.loadgen;

import dev.microscope.worker.logging.JsonLog;
import java.util.function.Supplier;

/** The traffic settings in force, replaced by the admin API or the traffic file. */
final class TrafficControl implements Supplier<TrafficSettings> {
  private static final JsonLog LOG = JsonLog.named("traffic");

  private final TrafficSettings defaults;
  private volatile TrafficSettings current;

  TrafficControl(TrafficSettings defaults) {
    this.defaults = defaults;
    this.current = defaults;
  }

  /** What a {@code PUT} leaves out takes these values (the command line's). */
  TrafficSettings defaults() {
    return defaults;
  }

  @Override
  public TrafficSettings get() {
    return current;
  }

  void set(TrafficSettings settings, String by) {
    current = settings;
    LOG.info(
        "traffic set",
        "by",
        by,
        "enabled",
        settings.enabled(),
        "rate",
        settings.rate(),
        "pattern",
        settings.pattern().type(),
        "excluded",
        settings.exclude().size());
  }
}
