package dev.microscope.chaos;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microscope.chaos.ChaosSpec.Burst;
import dev.microscope.chaos.ChaosSpec.Cardinality;
import dev.microscope.chaos.ChaosSpec.Cpu;
import dev.microscope.chaos.ChaosSpec.Crash;
import dev.microscope.chaos.ChaosSpec.Distribution;
import dev.microscope.chaos.ChaosSpec.Errors;
import dev.microscope.chaos.ChaosSpec.Latency;
import dev.microscope.chaos.ChaosSpec.Lies;
import dev.microscope.chaos.ChaosSpec.MemoryLeak;
import dev.microscope.worker.json.BadFieldException;
import dev.microscope.worker.json.Json;
import dev.microscope.worker.json.JsonObjectReader;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The admin JSON of a {@link ChaosSpec}, both ways. Reading is strict: every bad value and every
 * unknown field is a {@link BadFieldException} naming the field.
 */
public final class ChaosSpecJson {
  private static final long MAX_MS = 600_000;
  private static final long DAY_SECONDS = 86_400;
  private static final List<String> DISTRIBUTIONS =
      Arrays.stream(Distribution.values()).map(Distribution::json).toList();

  private ChaosSpecJson() {}

  public static ChaosSpec parse(byte[] body) {
    JsonObjectReader root = JsonObjectReader.root(Json.parse(body));
    ChaosSpec spec =
        new ChaosSpec(
            root.integer("leaseSeconds", 1, DAY_SECONDS, ChaosSpec.DEFAULT_LEASE_SECONDS),
            root.optionalNumber("level", 0, 1),
            root.optionalInteger("seed", Long.MIN_VALUE, Long.MAX_VALUE),
            latency(root.optionalObject("latency")),
            errors(root.optionalObject("errors")),
            memoryLeak(root.optionalObject("memoryLeak")),
            cpu(root.optionalObject("cpu")),
            crash(root.optionalObject("crash")),
            lies(root.optionalObject("lies")),
            cardinality(root.optionalObject("cardinality")));
    root.rejectUnknown();
    return spec;
  }

  private static Latency latency(JsonObjectReader in) {
    if (in == null) {
      return null;
    }
    double probability = in.number("probability", 0, 1, 1.0);
    Distribution distribution =
        Distribution.valueOf(
            in.choice("distribution", DISTRIBUTIONS, "uniform").toUpperCase(Locale.ROOT));
    long minMs = in.requiredInteger("minMs", 0, MAX_MS);
    long maxMs = in.integer("maxMs", 0, MAX_MS, minMs);
    if (maxMs < minMs) {
      throw new BadFieldException(in.path("maxMs"), in.path("maxMs") + " must be >= minMs");
    }
    in.rejectUnknown();
    return new Latency(probability, distribution, minMs, maxMs);
  }

  private static Errors errors(JsonObjectReader in) {
    if (in == null) {
      return null;
    }
    double rate = in.number("rate", 0, 1, 0);
    int status = (int) in.integer("status", 500, 599, 500);
    JsonObjectReader burstIn = in.optionalObject("burst");
    Burst burst = null;
    if (burstIn != null) {
      long every = burstIn.requiredInteger("everySeconds", 1, DAY_SECONDS);
      long duration = burstIn.requiredInteger("durationSeconds", 1, DAY_SECONDS);
      if (duration > every) {
        throw new BadFieldException(
            burstIn.path("durationSeconds"),
            burstIn.path("durationSeconds") + " must be <= everySeconds");
      }
      burst = new Burst(every, duration, burstIn.requiredNumber("rate", 0, 1));
      burstIn.rejectUnknown();
    }
    in.rejectUnknown();
    return new Errors(rate, status, burst);
  }

  private static MemoryLeak memoryLeak(JsonObjectReader in) {
    if (in == null) {
      return null;
    }
    MemoryLeak leak =
        new MemoryLeak(
            in.requiredInteger("bytesPerSecond", 1, 1L << 30),
            in.integer("maxBytes", 0, 1L << 36, 64L << 20));
    in.rejectUnknown();
    return leak;
  }

  private static Cpu cpu(JsonObjectReader in) {
    if (in == null) {
      return null;
    }
    double cores = in.number("cores", 0.01, 64, 1.0);
    double dutyCycle = in.number("dutyCycle", 0.01, 1, 1.0);
    Long duration = in.optionalInteger("durationSeconds", 1, DAY_SECONDS);
    in.rejectUnknown();
    return new Cpu(cores, dutyCycle, duration);
  }

  private static Crash crash(JsonObjectReader in) {
    if (in == null) {
      return null;
    }
    Crash crash = new Crash(in.requiredNumber("probabilityPerMinute", 0, 1));
    in.rejectUnknown();
    return crash;
  }

  private static Lies lies(JsonObjectReader in) {
    if (in == null) {
      return null;
    }
    Lies lies =
        new Lies(
            in.bool("hideErrors", false),
            in.number("latencyFactor", 0, 100, 1),
            in.bool("freezeCounters", false),
            in.number("trafficFactor", 0, 1000, 1));
    in.rejectUnknown();
    return lies;
  }

  private static Cardinality cardinality(JsonObjectReader in) {
    if (in == null) {
      return null;
    }
    Cardinality cardinality =
        new Cardinality(
            in.requiredNumber("seriesPerSecond", 0.01, 100_000),
            in.integer("maxSeries", 1, 1_000_000, 1000));
    in.rejectUnknown();
    return cardinality;
  }

  /** The spec with every default filled in, in the shape {@link #parse} reads. */
  public static ObjectNode toJson(ChaosSpec spec) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode out = f.objectNode();
    out.put("leaseSeconds", spec.leaseSeconds());
    if (spec.level() != null) {
      out.put("level", spec.level());
    }
    if (spec.seed() != null) {
      out.put("seed", spec.seed());
    }
    if (spec.latency() != null) {
      Latency l = spec.latency();
      out.putObject("latency")
          .put("probability", l.probability())
          .put("distribution", l.distribution().json())
          .put("minMs", l.minMs())
          .put("maxMs", l.maxMs());
    }
    if (spec.errors() != null) {
      ObjectNode errors =
          out.putObject("errors")
              .put("rate", spec.errors().rate())
              .put("status", spec.errors().status());
      Burst b = spec.errors().burst();
      if (b != null) {
        errors
            .putObject("burst")
            .put("everySeconds", b.everySeconds())
            .put("durationSeconds", b.durationSeconds())
            .put("rate", b.rate());
      }
    }
    if (spec.memoryLeak() != null) {
      out.putObject("memoryLeak")
          .put("bytesPerSecond", spec.memoryLeak().bytesPerSecond())
          .put("maxBytes", spec.memoryLeak().maxBytes());
    }
    if (spec.cpu() != null) {
      ObjectNode cpu =
          out.putObject("cpu")
              .put("cores", spec.cpu().cores())
              .put("dutyCycle", spec.cpu().dutyCycle());
      if (spec.cpu().durationSeconds() != null) {
        cpu.put("durationSeconds", spec.cpu().durationSeconds());
      }
    }
    if (spec.crash() != null) {
      out.putObject("crash").put("probabilityPerMinute", spec.crash().probabilityPerMinute());
    }
    if (spec.lies() != null) {
      Lies l = spec.lies();
      out.putObject("lies")
          .put("hideErrors", l.hideErrors())
          .put("latencyFactor", l.latencyFactor())
          .put("freezeCounters", l.freezeCounters())
          .put("trafficFactor", l.trafficFactor());
    }
    if (spec.cardinality() != null) {
      out.putObject("cardinality")
          .put("seriesPerSecond", spec.cardinality().seriesPerSecond())
          .put("maxSeries", spec.cardinality().maxSeries());
    }
    return out;
  }
}
