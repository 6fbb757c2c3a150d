package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.loop.AlertSink;
import dev.microscope.operator.loop.FleetRef;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns alerts into reconciles: an alert for a fleet the operator manages is kept until that
 * fleet's next reconcile takes it, and that reconcile is requested at once. Alerts for fleets the
 * operator does not know are refused (and so cannot pile up).
 */
public final class AlertTriggers implements AlertSink {
  /** Most distinct alert names kept for one fleet until its cycle runs. */
  static final int MAX_PENDING = 32;

  private final SimpleInboundEventSource<ChaosFleet> source =
      new SimpleInboundEventSource<>("alertmanager");
  private final Set<FleetRef> known = ConcurrentHashMap.newKeySet();
  private final Map<FleetRef, Set<String>> pending = new ConcurrentHashMap<>();

  SimpleInboundEventSource<ChaosFleet> eventSource() {
    return source;
  }

  /** The fleet exists: alerts for it are taken from now on. */
  void known(FleetRef fleet) {
    known.add(fleet);
  }

  void forget(FleetRef fleet) {
    known.remove(fleet);
    pending.remove(fleet);
  }

  /** The alerts that arrived for the fleet since the last call, and none after it. */
  List<String> take(FleetRef fleet) {
    var names = pending.remove(fleet);
    return names == null ? List.of() : new ArrayList<>(names);
  }

  /** Puts alerts back that a failed cycle took, so the next attempt still says why it runs. */
  void restore(FleetRef fleet, List<String> names) {
    if (!names.isEmpty()) {
      add(fleet, names);
    }
  }

  @Override
  public boolean alert(FleetRef fleet, List<String> alertNames) {
    if (!known.contains(fleet)) {
      return false;
    }
    add(fleet, alertNames);
    source.propagateEvent(new ResourceID(fleet.name(), fleet.namespace()));
    return true;
  }

  private void add(FleetRef fleet, List<String> names) {
    pending.compute(
        fleet,
        (k, old) -> {
          var set = old == null ? new LinkedHashSet<String>() : old;
          for (String name : names) {
            if (set.size() < MAX_PENDING) {
              set.add(name);
            }
          }
          return set;
        });
  }
}
