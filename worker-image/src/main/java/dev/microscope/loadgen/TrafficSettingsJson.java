package dev.microscope.loadgen;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microscope.worker.Endpoint;
import dev.microscope.worker.json.BadFieldException;
import dev.microscope.worker.json.Json;
import dev.microscope.worker.json.JsonObjectReader;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The admin JSON of {@link TrafficSettings}, both ways. A {@code PUT} replaces the settings; what
 * it leaves out takes the command line's value.
 */
public final class TrafficSettingsJson {
  static final double MAX_RATE = 100_000;
  private static final long DAY_SECONDS = 86_400;

  private TrafficSettingsJson() {}

  public static TrafficSettings parse(byte[] body, TrafficSettings defaults) {
    JsonObjectReader root = JsonObjectReader.root(Json.parse(body));
    boolean enabled = root.bool("enabled", defaults.enabled());
    double rate = root.number("rate", 0, MAX_RATE, defaults.rate());
    JsonObjectReader patternIn = root.optionalObject("pattern");
    RatePattern pattern = patternIn == null ? defaults.pattern() : pattern(patternIn, rate);
    JsonObjectReader mixIn = root.optionalObject("mix");
    EndpointMix mix = mixIn == null ? defaults.mix() : mix(mixIn);
    List<String> exclude = root.optionalStrings("exclude");
    root.rejectUnknown();
    return new TrafficSettings(
        enabled, rate, pattern, mix, exclude == null ? defaults.exclude() : new HashSet<>(exclude));
  }

  /** The pattern named {@code type} with its defaults, as the {@code --pattern} flag selects. */
  public static RatePattern defaultPattern(String type, double rate) {
    return switch (type) {
      case "sine" -> new RatePattern.Sine(60, 0.5);
      case "burst" -> new RatePattern.Burst(60, 10, Math.min(MAX_RATE, rate * 5));
      default -> new RatePattern.Constant();
    };
  }

  private static RatePattern pattern(JsonObjectReader in, double rate) {
    String type = in.choice("type", List.of("constant", "sine", "burst"), null);
    if (type == null) {
      throw new BadFieldException(in.path("type"), in.path("type") + " is required");
    }
    RatePattern pattern =
        switch (type) {
          case "sine" ->
              new RatePattern.Sine(
                  in.number("periodSeconds", 1, DAY_SECONDS, 60),
                  in.number("amplitude", 0, 1, 0.5));
          case "burst" -> {
            double every = in.number("everySeconds", 1, DAY_SECONDS, 60);
            double duration = in.number("durationSeconds", 0, DAY_SECONDS, Math.min(10, every));
            if (duration > every) {
              throw new BadFieldException(
                  in.path("durationSeconds"),
                  in.path("durationSeconds") + " must be <= everySeconds");
            }
            yield new RatePattern.Burst(
                every, duration, in.number("burstRate", 0, MAX_RATE, Math.min(MAX_RATE, rate * 5)));
          }
          default -> new RatePattern.Constant();
        };
    in.rejectUnknown();
    return pattern;
  }

  private static EndpointMix mix(JsonObjectReader in) {
    Map<Endpoint, Double> weights = new EnumMap<>(Endpoint.class);
    for (String path : in.fieldNames()) {
      Endpoint endpoint =
          Endpoint.ofPath(path)
              .orElseThrow(() -> new BadFieldException(in.path(path), "unknown endpoint " + path));
      weights.put(endpoint, in.requiredNumber(path, 0, 1e9));
    }
    try {
      return new EndpointMix(weights);
    } catch (IllegalArgumentException e) {
      throw new BadFieldException("mix", "mix: " + e.getMessage());
    }
  }

  public static ObjectNode toJson(TrafficSettings settings) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("enabled", settings.enabled());
    out.put("rate", settings.rate());
    ObjectNode pattern = out.putObject("pattern").put("type", settings.pattern().type());
    switch (settings.pattern()) {
      case RatePattern.Sine s ->
          pattern.put("periodSeconds", s.periodSeconds()).put("amplitude", s.amplitude());
      case RatePattern.Burst b ->
          pattern
              .put("everySeconds", b.everySeconds())
              .put("durationSeconds", b.durationSeconds())
              .put("burstRate", b.burstRate());
      case RatePattern.Constant c -> {}
    }
    ObjectNode mix = out.putObject("mix");
    settings.mix().weights().forEach((endpoint, weight) -> mix.put(endpoint.path(), weight));
    var exclude = out.putArray("exclude");
    new TreeSet<>(settings.exclude()).forEach(exclude::add);
    return out;
  }
}
