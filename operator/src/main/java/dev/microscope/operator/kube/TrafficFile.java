package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.TrafficPattern;
import dev.microscope.operator.api.v1alpha1.TrafficSpec;
import java.util.List;
import java.util.Locale;

/** The traffic generator's settings, in its admin API's PUT shape (docs/contract.md). */
public final class TrafficFile {
  private TrafficFile() {}

  /**
   * @param excluded workers taken out of traffic (quarantined)
   */
  public static String render(TrafficSpec traffic, List<String> excluded) {
    var root = Json.object();
    root.put("enabled", traffic.isEnabled());
    root.put("rate", traffic.getRate());
    var p = traffic.getPattern();
    var pattern = root.putObject("pattern");
    pattern.put("type", p.getType().name().toLowerCase(Locale.ROOT));
    if (p.getType() == TrafficPattern.PatternType.SINE) {
      putIfSet(pattern, "periodSeconds", p.getPeriodSeconds());
      putIfSet(pattern, "amplitude", p.getAmplitude());
    } else if (p.getType() == TrafficPattern.PatternType.BURST) {
      putIfSet(pattern, "everySeconds", p.getEverySeconds());
      putIfSet(pattern, "durationSeconds", p.getDurationSeconds());
      putIfSet(pattern, "burstRate", p.getBurstRate());
    }
    var mix = root.putObject("mix");
    mix.put("/api/users", traffic.getMix().getUsers());
    mix.put("/api/orders", traffic.getMix().getOrders());
    mix.put("/api/slow", traffic.getMix().getSlow());
    var exclude = root.putArray("exclude");
    excluded.stream().sorted().forEach(exclude::add);
    return Json.write(root);
  }

  private static void putIfSet(
      com.fasterxml.jackson.databind.node.ObjectNode node, String key, Number value) {
    if (value != null) {
      node.putPOJO(key, value);
    }
  }
}
