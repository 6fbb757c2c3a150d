package dev.microscope.operator.control;

import java.time.Duration;
import java.util.Map;

/** User rules for tests: breach when the value is above 0, at once, no cooldown or budget. */
final class TestRules {
  private TestRules() {}

  static UserRule fleetRule(String name, ActionType action, Map<String, String> parameters) {
    return new UserRule(
        name,
        "vector(1)",
        new UserRule.Condition(UserRule.Op.GT, 0),
        Duration.ZERO,
        SignalScope.FLEET,
        UserRule.MissingData.HOLD,
        UserRule.MissingData.HOLD,
        action,
        parameters,
        Duration.ZERO,
        0);
  }
}
