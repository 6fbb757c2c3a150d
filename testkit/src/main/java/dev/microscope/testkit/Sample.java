package dev.microscope.testkit;

import java.util.Map;

/** One element of an instant-vector result: its labels and its value. */
public record Sample(Map<String, String> labels, double value) {
  public String label(String name) {
    return labels.get(name);
  }
}
