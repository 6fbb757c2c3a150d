package dev.microscope.worker;

import dev.microscope.loadgen.LoadgenApp;
import dev.microscope.loadgen.LoadgenConfig;
import dev.microscope.loadgen.LoadgenFlags;
import dev.microscope.worker.cli.UsageException;
import dev.microscope.worker.lifecycle.Shutdown;
import dev.microscope.worker.logging.JsonLog;
import java.io.UncheckedIOException;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Entry point of the worker-image jar: {@code worker} or {@code loadgen}. */
public final class Main {
  /** Exit status for bad flags; the message names the flag. */
  static final int USAGE = 2;

  private static final String USAGE_TEXT =
      """
      Usage: microscope-worker <command> [flags]

      Commands:
        worker    a small HTTP service that breaks itself on command
        loadgen   a traffic generator with a client-side view of every worker

      Run 'microscope-worker <command> --help' for the flags of a command.
      """;

  private Main() {}

  public static void main(String[] args) {
    int status = run(List.of(args), System.getenv());
    if (status >= 0) {
      System.exit(status);
    }
  }

  /** Starts the command; returns an exit status, or -1 when a service is now running. */
  static int run(List<String> args, Map<String, String> env) {
    if (args.isEmpty() || isHelp(args.get(0))) {
      (args.isEmpty() ? System.err : System.out).print(USAGE_TEXT);
      return args.isEmpty() ? USAGE : 0;
    }
    String command = args.get(0);
    List<String> flags = args.subList(1, args.size());
    boolean help = flags.stream().anyMatch(Main::isHelp);
    try {
      switch (command) {
        case "worker" -> {
          if (help) {
            System.out.print(WorkerFlags.usage());
            return 0;
          }
          startWorker(WorkerFlags.parse(flags, env));
        }
        case "loadgen" -> {
          if (help) {
            System.out.print(LoadgenFlags.usage());
            return 0;
          }
          startLoadgen(LoadgenFlags.parse(flags, env));
        }
        default -> {
          System.err.print("unknown command " + command + "\n\n" + USAGE_TEXT);
          return USAGE;
        }
      }
    } catch (UsageException e) {
      System.err.println("error: " + e.getMessage());
      System.err.println("Run 'microscope-worker " + command + " --help' for the flags.");
      return USAGE;
    } catch (UncheckedIOException e) {
      JsonLog.named(command).error("cannot start", e.getCause(), "reason", e.getMessage());
      return 1;
    }
    return -1;
  }

  private static void startWorker(WorkerConfig config) {
    WorkerApp app = WorkerApp.start(config, InstantSource.system(), Runtime.getRuntime()::halt);
    Shutdown.onSignal(JsonLog.named("worker"), app::close);
  }

  private static void startLoadgen(LoadgenConfig config) {
    LoadgenApp app = LoadgenApp.start(config, InstantSource.system());
    Shutdown.onSignal(JsonLog.named("loadgen"), app::close);
  }

  private static boolean isHelp(String arg) {
    return Arrays.asList("--help", "-h", "help").contains(arg);
  }
}
