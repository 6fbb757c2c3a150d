package dev.microscope.worker.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Flag values of one command: the command line first, then the flag's environment variables, then
 * its default. Every conversion error names the flag (and the variable it came from).
 */
public final class FlagValues {
  private final Map<String, String> values;
  private final Map<String, String> sources;

  private FlagValues(Map<String, String> values, Map<String, String> sources) {
    this.values = values;
    this.sources = sources;
  }

  /** Parses {@code --name value} and {@code --name=value}; unknown or incomplete flags fail. */
  public static FlagValues parse(List<Flag> flags, List<String> args, Map<String, String> env) {
    Map<String, Flag> byName = new LinkedHashMap<>();
    flags.forEach(f -> byName.put(f.name(), f));
    Map<String, String> values = new HashMap<>();
    Map<String, String> sources = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      int eq = arg.indexOf('=');
      String name = eq > 0 ? arg.substring(0, eq) : arg;
      Flag flag = byName.get(name);
      if (flag == null) {
        throw new UsageException(
            arg.startsWith("-") ? "unknown flag " + name : "unexpected argument " + arg);
      }
      String value;
      if (eq > 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new UsageException(name + ": needs a value");
      }
      values.put(name, value);
      sources.put(name, name);
    }
    for (Flag flag : flags) {
      if (values.containsKey(flag.name())) {
        continue;
      }
      for (String variable : flag.env()) {
        String value = env.get(variable);
        if (value != null && !value.isBlank()) {
          values.put(flag.name(), value.strip());
          sources.put(flag.name(), flag.name() + " (from " + variable + ")");
          break;
        }
      }
      if (!values.containsKey(flag.name()) && flag.defaultValue() != null) {
        values.put(flag.name(), flag.defaultValue());
        sources.put(flag.name(), flag.name());
      }
    }
    return new FlagValues(values, sources);
  }

  public Optional<String> optional(String name) {
    return Optional.ofNullable(values.get(name)).filter(v -> !v.isEmpty());
  }

  public String string(String name) {
    return optional(name).orElseThrow(() -> fail(name, "is required"));
  }

  public int integer(String name, int min, int max) {
    String raw = string(name);
    try {
      int value = Integer.parseInt(raw.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the allowed range
    }
    throw fail(name, "must be an integer from " + min + " to " + max + ", got \"" + raw + "\"");
  }

  public double number(String name, double min, double max) {
    String raw = string(name);
    try {
      double value = Double.parseDouble(raw.strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the allowed range
    }
    throw fail(name, "must be a number from " + min + " to " + max + ", got \"" + raw + "\"");
  }

  public Optional<Long> optionalLong(String name) {
    return optional(name)
        .map(
            raw -> {
              try {
                return Long.parseLong(raw.strip());
              } catch (NumberFormatException e) {
                throw fail(name, "must be an integer, got \"" + raw + "\"");
              }
            });
  }

  /** One of {@code allowed}, compared case-insensitively, returned in lower case. */
  public String choice(String name, List<String> allowed) {
    String raw = string(name).strip().toLowerCase(Locale.ROOT);
    if (!allowed.contains(raw)) {
      throw fail(name, "must be one of " + String.join(", ", allowed) + ", got \"" + raw + "\"");
    }
    return raw;
  }

  /** A file that exists and can be read. */
  public Optional<Path> readableFile(String name) {
    return optional(name)
        .map(
            raw -> {
              Path path = Path.of(raw);
              if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw fail(name, "cannot read file " + raw);
              }
              return path;
            });
  }

  /** An error for this flag, naming where its value came from. */
  public UsageException fail(String name, String problem) {
    return new UsageException(sources.getOrDefault(name, name) + ": " + problem);
  }
}
