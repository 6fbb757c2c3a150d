package dev.microscope.operator.loop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microscope.operator.control.FaultSet;

/**
 * The chaos a worker runs, in the admin API's PUT shape (docs/contract.md): what the operator sends
 * to renew a worker's lease, and what the chaos file holds. No fault section means off, so an empty
 * fault set turns every fault off.
 */
public final class ChaosJson {
  private ChaosJson() {}

  public static String render(FaultSet faults, double level, int leaseSeconds, Long seed) {
    var root = AdminJson.object();
    root.put("leaseSeconds", leaseSeconds);
    root.put("level", AdminJson.round(level));
    if (seed != null) {
      root.put("seed", seed);
    }
    latency(faults.latency(), root);
    errors(faults.errors(), root);
    if (faults.memoryLeak() != null) {
      // a leak of less than a byte per second is no leak the worker accepts
      root.putObject("memoryLeak")
          .put("bytesPerSecond", Math.max(1, faults.memoryLeak().bytesPerSecond()))
          .put("maxBytes", faults.memoryLeak().maxBytes());
    }
    cpu(faults.cpu(), root);
    if (faults.crash() != null) {
      root.putObject("crash")
          .put("probabilityPerMinute", AdminJson.round(faults.crash().probabilityPerMinute()));
    }
    if (faults.lies() != null) {
      var lies = faults.lies();
      root.putObject("lies")
          .put("hideErrors", lies.hideErrors())
          .put("latencyFactor", AdminJson.round(lies.latencyFactor()))
          .put("freezeCounters", lies.freezeCounters())
          .put("trafficFactor", AdminJson.round(lies.trafficFactor()));
    }
    if (faults.cardinality() != null) {
      root.putObject("cardinality")
          .put("seriesPerSecond", faults.cardinality().seriesPerSecond())
          .put("maxSeries", faults.cardinality().maxSeries());
    }
    return AdminJson.write(root);
  }

  private static void latency(FaultSet.Latency latency, ObjectNode root) {
    if (latency != null) {
      root.putObject("latency")
          .put("probability", AdminJson.round(latency.probability()))
          .put("distribution", latency.distribution())
          .put("minMs", latency.minMs())
          .put("maxMs", latency.maxMs());
    }
  }

  private static void errors(FaultSet.Errors errors, ObjectNode root) {
    if (errors != null) {
      var node =
          root.putObject("errors")
              .put("rate", AdminJson.round(errors.rate()))
              .put("status", errors.status());
      if (errors.burst() != null) {
        node.putObject("burst")
            .put("everySeconds", errors.burst().everySeconds())
            .put("durationSeconds", errors.burst().durationSeconds())
            .put("rate", AdminJson.round(errors.burst().rate()));
      }
    }
  }

  private static void cpu(FaultSet.Cpu cpu, ObjectNode root) {
    if (cpu != null) {
      var node =
          root.putObject("cpu")
              .put("cores", cpu.cores())
              .put("dutyCycle", AdminJson.round(cpu.dutyCycle()));
      // 0: the spike lasts as long as the lease
      if (cpu.durationSeconds() > 0) {
        node.put("durationSeconds", cpu.durationSeconds());
      }
    }
  }
}
