package dev.microscope.worker.cli;

import java.util.List;

/**
 * One command-line flag: its name (with the leading dashes), the environment variables that set it
 * when the command line does not (first one set wins), its default and a help line.
 */
public record Flag(String name, List<String> env, String defaultValue, String help) {
  public Flag {
    env = List.copyOf(env);
  }

  public static Flag of(String name, String defaultValue, String help, String... env) {
    return new Flag(name, List.of(env), defaultValue, help);
  }
}
