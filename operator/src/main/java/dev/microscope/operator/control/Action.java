package dev.microscope.operator.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing to do: its type, its target (a worker id, or {@link #FLEET}) and its parameters.
 * Parameters are text so they read the same in the decision log as in the code.
 */
public record Action(ActionType type, String target, Map<String, String> parameters) {
  /** The target of fleet-wide actions. */
  public static final String FLEET = "fleet";

  public Action {
    Checks.required(type, "action.type");
    Checks.notBlank(target, "action.target");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  public static Action scaleTo(int replicas) {
    return new Action(ActionType.SCALE, FLEET, Map.of("replicas", Integer.toString(replicas)));
  }

  public static Action restart(String worker) {
    return new Action(ActionType.RESTART_WORKER, worker, Map.of());
  }

  public static Action quarantine(String worker) {
    return new Action(ActionType.QUARANTINE_WORKER, worker, Map.of());
  }

  public static Action setChaos(double level) {
    return new Action(ActionType.SET_CHAOS, FLEET, Map.of("level", Numbers.format(level)));
  }

  public static Action abortChaos() {
    return new Action(ActionType.ABORT_CHAOS, FLEET, Map.of());
  }

  public static Action setMemoryLimit(long bytes) {
    return new Action(
        ActionType.SET_RESOURCES, FLEET, Map.of("memoryLimitBytes", Long.toString(bytes)));
  }

  public static Action notify(String message) {
    return new Action(ActionType.NOTIFY, FLEET, Map.of("message", message));
  }

  public Action withParameter(String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(parameters);
    copy.put(key, value);
    return new Action(type, target, copy);
  }

  public boolean targetsWorker() {
    return type.disruptive() || !FLEET.equals(target);
  }

  /** A numeric parameter, or {@code fallback} when absent. */
  public double number(String key, double fallback) {
    String text = parameters.get(key);
    return text == null ? fallback : Double.parseDouble(text);
  }
}
