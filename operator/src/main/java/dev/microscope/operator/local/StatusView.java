package dev.microscope.operator.local;

import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.api.v1alpha1.DecisionEntry;
import dev.microscope.operator.loop.WorkerHost;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The live view of a local run: workers, chaos level, error budget left, p99 latency, safe mode,
 * the latest decisions, and where Prometheus and Alertmanager are. On a terminal it is redrawn in
 * place; otherwise a plain line is printed whenever the summary changes.
 */
final class StatusView {
  private static final String CLEAR = "\033[H\033[2J";
  private static final int DECISIONS = 6;

  private final PrintStream out;
  private final boolean live;
  private String lastLine = "";

  StatusView(PrintStream out, boolean live) {
    this.out = out;
    this.live = live;
  }

  synchronized void show(LocalRuntime runtime) {
    if (live) {
      out.print(CLEAR + screen(runtime));
      out.flush();
      return;
    }
    var line = line(runtime);
    if (!line.equals(lastLine)) {
      out.println(line);
      lastLine = line;
    }
  }

  /** The full view, one section per concern. */
  static String screen(LocalRuntime runtime) {
    var status = runtime.status();
    var b = new StringBuilder();
    b.append("microscope local: fleet ")
        .append(runtime.fleetName())
        .append(" (")
        .append(mode(runtime.fleet().getSpec().getMode()))
        .append(")   Ctrl-C stops everything\n");
    b.append("  Prometheus    ")
        .append(runtime.prometheusUrl())
        .append(runtime.prometheusRunning() ? "" : "   (DOWN)")
        .append('\n');
    b.append("  Alertmanager  ").append(runtime.alertmanagerUrl()).append('\n');
    b.append("  control loop  ").append(runtime.url()).append("/metrics\n");
    b.append("  run directory ").append(runtime.runDir()).append("\n\n");
    b.append(fleetLine(status)).append("\n\n");
    b.append(String.format("  %-28s %-26s %s%n", "WORKER PROCESS", "ADDRESS", "STATE"));
    for (WorkerHost h : runtime.hosts()) {
      b.append(
          String.format(
              "  %-28s %-26s %s%n",
              h.name(),
              h.admin() == null ? "-" : h.admin().getAuthority(),
              h.quarantined() ? "quarantined" : h.ready() ? "ready" : "starting"));
    }
    b.append("\n  LATEST DECISIONS\n");
    var decisions = latestFirst(status);
    decisions.stream()
        .limit(DECISIONS)
        .forEach(
            d ->
                b.append("  ")
                    .append(d.getTime())
                    .append("  ")
                    .append(d.getAction())
                    .append(' ')
                    .append(d.getTarget())
                    .append(" [")
                    .append(d.getRule())
                    .append(", ")
                    .append(d.getResult())
                    .append(
                        Objects.requireNonNullElse(d.getCount(), 1) > 1 ? " x" + d.getCount() : "")
                    .append("] ")
                    .append(Objects.toString(d.getReason(), ""))
                    .append('\n'));
    if (decisions.isEmpty()) {
      b.append("  (none yet)\n");
    }
    for (String notice : runtime.notices()) {
      b.append("  NOTICE ").append(notice).append('\n');
    }
    if (runtime.loopProblem() != null) {
      b.append("  PROBLEM ").append(runtime.loopProblem()).append('\n');
    }
    return b.toString();
  }

  /** One line: the fleet's state now, for logs and pipes. */
  static String line(LocalRuntime runtime) {
    var hosts = runtime.hosts();
    long ready = hosts.stream().filter(h -> h.ready() && !h.quarantined()).count();
    long quarantined = hosts.stream().filter(WorkerHost::quarantined).count();
    var status = runtime.status();
    var decisions = latestFirst(status);
    var latest = decisions.isEmpty() ? null : decisions.get(0);
    var parts = new ArrayList<String>();
    parts.add(
        "workers "
            + ready
            + " ready"
            + (quarantined > 0 ? ", " + quarantined + " quarantined" : ""));
    parts.add(fleetLine(status).strip());
    if (latest != null) {
      parts.add(
          "last decision "
              + latest.getAction()
              + " "
              + latest.getTarget()
              + " ("
              + latest.getResult()
              + ")");
    }
    return String.join(" | ", parts);
  }

  private static String mode(dev.microscope.operator.api.v1alpha1.Mode mode) {
    return switch (mode) {
      case ENFORCE -> "Enforce";
      case DRY_RUN -> "DryRun";
      case OBSERVE -> "Observe";
    };
  }

  /** The decision log keeps the oldest entry first. */
  private static List<DecisionEntry> latestFirst(ChaosFleetStatus status) {
    return status == null || status.getDecisions() == null
        ? List.of()
        : status.getDecisions().reversed();
  }

  private static String fleetLine(ChaosFleetStatus status) {
    var sli = status == null ? null : status.getSli();
    var memory = status == null || status.getControl() == null ? null : status.getControl();
    return String.format(
        Locale.ROOT,
        "  chaos level %s   budget left %s   p99 %s   burn 5m %s%s",
        number(status == null ? null : status.getChaosLevel(), "%.2f"),
        sli == null ? "-" : percent(sli.getErrorBudgetRemaining()),
        sli == null || sli.getLatencyP99Seconds() == null
            ? "-"
            : String.format(Locale.ROOT, "%.0f ms", sli.getLatencyP99Seconds() * 1000),
        number(sli == null ? null : sli.getBurnRate5m(), "%.1fx"),
        memory == null ? "   (no cycle yet)" : "");
  }

  private static String number(Double value, String format) {
    return value == null ? "-" : String.format(Locale.ROOT, format, value);
  }

  private static String percent(Double ratio) {
    return ratio == null ? "-" : String.format(Locale.ROOT, "%.1f%%", ratio * 100);
  }
}
