package dev.microscope.operator.loop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microscope.operator.api.v1alpha1.ChaosFleetSpec;
import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.api.v1alpha1.PrometheusSpec;
import dev.microscope.operator.api.v1alpha1.TrafficPattern;
import dev.microscope.operator.api.v1alpha1.TrafficSpec;
import java.util.List;
import java.util.Locale;

/**
 * The traffic the generator should send now, in its admin API's PUT shape (docs/contract.md): the
 * spec's traffic, at the rate the control loop set, without the quarantined workers, and stopped
 * while the fleet is in safe mode with {@code whileBlind: StopTraffic}. The traffic file and the
 * admin API always carry this same document.
 */
public record DesiredTraffic(
    TrafficSpec traffic, boolean enabled, double rate, List<String> excluded) {
  public DesiredTraffic {
    excluded = excluded.stream().sorted().distinct().toList();
  }

  /** The traffic the fleet's status asks for. */
  public static DesiredTraffic of(ChaosFleetSpec spec, ChaosFleetStatus status) {
    return of(
        spec,
        status == null ? null : status.getTrafficRate(),
        status == null || status.getQuarantinedWorkers() == null
            ? List.of()
            : status.getQuarantinedWorkers(),
        StatusMemory.read(status).prometheus().safeMode());
  }

  /**
   * @param rate the rate the control loop set; null = the spec's
   * @param safeMode whether the fleet is in safe mode (Prometheus unreadable)
   */
  public static DesiredTraffic of(
      ChaosFleetSpec spec, Double rate, List<String> quarantined, boolean safeMode) {
    var traffic = spec.getTraffic();
    boolean stopped =
        safeMode && spec.getPrometheus().getWhileBlind() == PrometheusSpec.WhileBlind.STOP_TRAFFIC;
    return new DesiredTraffic(
        traffic,
        traffic.isEnabled() && !stopped,
        rate == null ? traffic.getRate() : rate,
        quarantined);
  }

  public String json() {
    var root = AdminJson.object();
    root.put("enabled", enabled);
    root.put("rate", AdminJson.round(rate));
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
    excluded.forEach(exclude::add);
    return AdminJson.write(root);
  }

  private static void putIfSet(ObjectNode node, String key, Number value) {
    if (value != null) {
      node.putPOJO(key, value);
    }
  }
}
