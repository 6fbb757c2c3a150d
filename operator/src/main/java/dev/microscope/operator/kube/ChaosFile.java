package dev.microscope.operator.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microscope.operator.api.v1alpha1.ChaosSpec;

/**
 * The chaos a worker runs, in the admin API's PUT shape (docs/contract.md): the spec's faults with
 * their intensities scaled by the level. At level zero every fault is off.
 */
public final class ChaosFile {
  private ChaosFile() {}

  public static String render(ChaosSpec chaos, double level) {
    var root = Json.object();
    root.put("leaseSeconds", chaos.getLeaseSeconds());
    root.put("level", Json.round(level));
    if (chaos.getSeed() != null) {
      root.put("seed", chaos.getSeed());
    }
    if (level > 0) {
      faults(chaos, level, root);
    }
    return Json.write(root);
  }

  private static void faults(ChaosSpec chaos, double level, ObjectNode root) {
    var latency = chaos.getLatency();
    if (latency != null) {
      var node = root.putObject("latency");
      node.put("probability", Json.round(latency.getProbability() * level));
      node.put("distribution", latency.getDistribution().name().toLowerCase(java.util.Locale.ROOT));
      node.put("minMs", latency.getMinMs());
      node.put("maxMs", latency.getMaxMs() == null ? latency.getMinMs() : latency.getMaxMs());
    }
    var errors = chaos.getErrors();
    if (errors != null) {
      var node = root.putObject("errors");
      node.put("rate", Json.round(errors.getRate() * level));
      node.put("status", errors.getStatus());
      var burst = errors.getBurst();
      if (burst != null) {
        var b = node.putObject("burst");
        b.put("everySeconds", burst.getEverySeconds());
        b.put("durationSeconds", burst.getDurationSeconds());
        b.put("rate", Json.round(burst.getRate() * level));
      }
    }
    var leak = chaos.getMemoryLeak();
    if (leak != null) {
      var node = root.putObject("memoryLeak");
      node.put("bytesPerSecond", Math.max(1, Math.round(leak.getBytesPerSecond() * level)));
      node.put("maxBytes", leak.getMaxBytes());
    }
    var cpu = chaos.getCpu();
    if (cpu != null) {
      var node = root.putObject("cpu");
      node.put("cores", cpu.getCores());
      node.put("dutyCycle", Json.round(cpu.getDutyCycle() * level));
      if (cpu.getDurationSeconds() != null) {
        node.put("durationSeconds", cpu.getDurationSeconds());
      }
    }
    if (chaos.getCrash() != null) {
      root.putObject("crash")
          .put(
              "probabilityPerMinute",
              Json.round(chaos.getCrash().getProbabilityPerMinute() * level));
    }
    var lies = chaos.getLies();
    if (lies != null) {
      var node = root.putObject("lies");
      node.put("hideErrors", lies.isHideErrors());
      node.put("latencyFactor", lies.getLatencyFactor());
      node.put("freezeCounters", lies.isFreezeCounters());
      node.put("trafficFactor", lies.getTrafficFactor());
    }
    var cardinality = chaos.getCardinality();
    if (cardinality != null) {
      var node = root.putObject("cardinality");
      node.put(
          "seriesPerSecond", Math.max(1, Math.round(cardinality.getSeriesPerSecond() * level)));
      node.put("maxSeries", cardinality.getMaxSeries());
    }
  }
}
