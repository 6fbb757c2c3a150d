package dev.microscope.operator;

import dev.microscope.operator.local.LocalCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the operator jar. The {@code operator} and {@code local} commands land here. */
@Command(
    name = "microscope",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Microscope: a self-breaking worker fleet steered from Prometheus.",
    subcommands = {OperatorCommand.class, LocalCommand.class})
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code: 0 done, 2 bad usage. */
  static int run(String... args) {
    var line = new CommandLine(new Main());
    if (args.length == 0) {
      line.usage(System.err);
      return 2;
    }
    return line.execute(args);
  }

  /** The jar's version, for --version. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"microscope " + Version.current()};
    }
  }
}
