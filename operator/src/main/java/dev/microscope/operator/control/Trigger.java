package dev.microscope.operator.control;

/** What started a control cycle: the poll timer or an alert for the fleet. */
public record Trigger(String value) {
  public static final Trigger POLL = new Trigger("poll");

  public Trigger {
    Checks.notBlank(value, "trigger");
  }

  public static Trigger alert(String alertName) {
    return new Trigger("alert:" + alertName);
  }

  @Override
  public String toString() {
    return value;
  }
}
