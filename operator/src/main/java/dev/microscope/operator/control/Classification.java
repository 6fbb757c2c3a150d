package dev.microscope.operator.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The classifier's verdict on one worker, with the signal values it rests on. */
public record Classification(
    String worker, WorkerState state, Map<String, String> evidence, String reason) {
  public Classification {
    evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
  }
}
