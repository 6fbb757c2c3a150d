package dev.microscope.operator.control;

/** A safety check's answer: go ahead (possibly with an adjusted action), or held back and why. */
record Verdict(boolean allowed, Action action, String note) {
  static Verdict allow(Action action) {
    return new Verdict(true, action, null);
  }

  static Verdict adjust(Action action, String note) {
    return new Verdict(true, action, note);
  }

  static Verdict block(Action action, String reason) {
    return new Verdict(false, action, reason);
  }
}
