package dev.microscope.operator.loop;

import dev.microscope.operator.control.Trigger;
import java.util.Collection;

/** The triggers of a cycle other than an alert ({@link Trigger#alert}). */
public final class CycleTriggers {
  /** The spec or the pause annotation changed since the last cycle. */
  public static final Trigger CHANGE = new Trigger("change");

  private CycleTriggers() {}

  /** One trigger for every alert that arrived since the last cycle. */
  public static Trigger alerts(Collection<String> alertNames) {
    return Trigger.alert(String.join(",", alertNames.stream().sorted().distinct().toList()));
  }
}
