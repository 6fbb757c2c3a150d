package dev.microscope.rules;

import java.util.Map;

/** One recording or alerting rule as written in a rule file. */
record Rule(
    String file,
    String group,
    String record,
    String alert,
    String expr,
    String forDuration,
    Map<String, String> labels,
    Map<String, String> annotations) {

  boolean isAlert() {
    return alert != null;
  }

  String name() {
    return isAlert() ? alert : record;
  }
}
