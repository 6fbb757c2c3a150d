package dev.microscope.operator.loop;

import java.util.List;

/** Where alerts for a fleet go: a cycle of that fleet, at once. */
@FunctionalInterface
public interface AlertSink {
  /**
   * @param alertNames the {@code alertname} of every firing alert for the fleet
   * @return true when the fleet is known and a cycle is on its way
   */
  boolean alert(FleetRef fleet, List<String> alertNames);
}
