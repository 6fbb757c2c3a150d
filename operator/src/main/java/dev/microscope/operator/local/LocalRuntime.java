package dev.microscope.operator.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microscope.operator.Version;
import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ChaosFleetStatus;
import dev.microscope.operator.api.v1alpha1.Durations;
import dev.microscope.operator.api.v1alpha1.Mode;
import dev.microscope.operator.control.Trigger;
import dev.microscope.operator.loop.AdminClient;
import dev.microscope.operator.loop.AdminToken;
import dev.microscope.operator.loop.AlertmanagerWebhook;
import dev.microscope.operator.loop.ControlCycle;
import dev.microscope.operator.loop.CycleReport;
import dev.microscope.operator.loop.CycleSchedule;
import dev.microscope.operator.loop.FleetPolicyMapper;
import dev.microscope.operator.loop.FleetRef;
import dev.microscope.operator.loop.FleetSnapshot;
import dev.microscope.operator.loop.PrometheusSignals;
import dev.microscope.operator.loop.WebhookToken;
import dev.microscope.operator.loop.WorkerHost;
import dev.microscope.operator.observability.HealthServer;
import dev.microscope.operator.observability.OperatorMetrics;
import dev.microscope.operator.prometheus.FleetRuleGroup;
import dev.microscope.operator.prometheus.FleetScope;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fleet run on this machine: its worker processes and traffic generator (the {@link Supervisor}),
 * a Prometheus scraping them with the project's rules and an Alertmanager calling back, and the
 * control loop on a timer and on alerts. Everything it starts it stops in {@link #close()}, also
 * when starting fails half-way.
 */
public final class LocalRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalRuntime.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration CONVERGE_EVERY = Duration.ofSeconds(1);
  private static final int MAX_NOTICES = 10;

  private final LocalOptions options;
  private final ChaosFleet fleet;
  private final List<AutoCloseable> started = new ArrayList<>();
  private final Set<String> pendingAlerts = new LinkedHashSet<>();
  private final Semaphore wake = new Semaphore(0);
  private final ConcurrentLinkedDeque<String> notices = new ConcurrentLinkedDeque<>();
  private final OperatorMetrics metrics = new OperatorMetrics(Version.current());
  private final List<Consumer<LocalRuntime>> listeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private RunDir dir;
  private Supervisor supervisor;
  private Monitoring monitoring;
  private HealthServer http;
  private LocalControl control;
  private Thread loop;
  private volatile boolean stopping;
  private volatile Instant lastAlertAt;
  private volatile String loopProblem;

  private LocalRuntime(LocalOptions options, ChaosFleet fleet) {
    this.options = options;
    this.fleet = fleet;
  }

  /**
   * Reads and checks the fleet, takes the run directory, starts every process and the control loop.
   *
   * @throws FleetFile.InvalidFleetException naming the fields of a fleet that cannot run
   * @throws IllegalStateException when a program is missing or a process does not start
   */
  public static LocalRuntime start(LocalOptions options) throws IOException {
    var fleet = FleetFile.read(options.fleetFile());
    if (options.dryRun()) {
      fleet.getSpec().setMode(Mode.DRY_RUN);
    }
    var runtime = new LocalRuntime(options, fleet);
    try {
      runtime.startAll();
    } catch (IOException | RuntimeException e) {
      runtime.close();
      throw e;
    }
    return runtime;
  }

  private void startAll() throws IOException {
    var prometheusBin =
        Tools.find(options.prometheusBin(), "--prometheus-bin", List.of("prometheus"));
    var alertmanagerBin =
        Tools.find(
            options.alertmanagerBin(),
            "--alertmanager-bin",
            List.of("prometheus-alertmanager", "alertmanager"));
    if (!Files.isRegularFile(options.workerJar())) {
      throw new IllegalStateException(
          "no worker jar at "
              + options.workerJar()
              + " (build it: ./mvnw -pl worker-image -am package -DskipTests, or pass --worker-jar)");
    }
    var cleaned = new ArrayList<String>();
    dir = RunDir.open(options.runDir(), cleaned);
    started.add(dir);
    cleaned.forEach(LOG::warn);
    var adminTokenFile = dir.secret("admin-token");
    var webhookTokenFile = dir.secret("webhook-token");
    var token = AdminToken.of(Files.readString(adminTokenFile));
    var stateFile = new StateFile(dir.state());
    var initial = stateFile.read(name(), LOG::warn).orElse(null);
    if (initial != null) {
      LOG.info("resuming the status of {} from {}", name(), dir.state());
    }

    var webhook =
        new AlertmanagerWebhook(Optional.of(WebhookToken.fromFile(webhookTokenFile)), this::alert);
    http =
        HealthServer.start(
            new InetSocketAddress("127.0.0.1", options.httpPort()),
            metrics::scrape,
            () -> true,
            () -> control != null && control.lastReport() != null,
            Map.of("/alertmanager", webhook));
    started.add(http);
    var runtimeHostPort = "127.0.0.1:" + http.port();

    var rules =
        new ArrayList<>(
            MonitoringConfig.ruleFiles(
                options.rulesDir(), dir.config("rules"), options.alertForScale()));
    var fleetRules = dir.config("rules").resolve("fleet-" + name() + ".yml");
    var slo = FleetPolicyMapper.map(fleet.getSpec(), false).slo();
    RunDir.writeAtomically(
        fleetRules,
        MonitoringConfig.fleetRules(
            FleetRuleGroup.of(new FleetScope(FleetFile.NAMESPACE, name()), slo)));
    rules.add(fleetRules);
    monitoring =
        Monitoring.start(
            dir,
            prometheusBin,
            alertmanagerBin,
            MonitoringConfig.alertmanager(
                "http://" + runtimeHostPort + "/alertmanager",
                webhookTokenFile,
                options.alertWebhook()),
            alertmanager ->
                MonitoringConfig.prometheus(
                    options.scrapeInterval(),
                    rules,
                    alertmanager,
                    dir.prometheusTargets(),
                    runtimeHostPort));
    started.add(monitoring);

    var profiles = profiles();
    var launch =
        new WorkerLaunch(
            Path.of(System.getProperty("java.home"), "bin", "java"),
            options.workerJar().toAbsolutePath(),
            fleet,
            adminTokenFile,
            profiles);
    supervisor = new Supervisor(fleet, dir, launch);
    started.add(supervisor);
    supervisor.converge(initial);

    var spec = fleet.getSpec();
    var connection =
        PrometheusSignals.connection(
            URI.create(monitoring.prometheusUrl()),
            Durations.parse(spec.getPrometheus().getQueryTimeout()));
    control =
        new LocalControl(
            fleet,
            generation(fleet),
            new ControlCycle(
                new PrometheusSignals(metrics.control()::queries),
                new AdminClient(Duration.ofSeconds(2)),
                Clock.systemUTC()),
            supervisor,
            launch,
            token,
            FleetSnapshot.PrometheusTarget.of(connection),
            stateFile,
            initial,
            metrics,
            this::notice);
    loop = Thread.ofPlatform().name("microscope-local-loop").start(this::loop);
  }

  private Path profiles() throws IOException {
    var profiles = fleet.getSpec().getWorkers().getProfiles();
    if (profiles == null) {
      return null;
    }
    var file = dir.config("profiles.json");
    RunDir.writeAtomically(file, dev.microscope.operator.kube.ProfilesFile.render(profiles));
    return file;
  }

  /** The spec's identity: a changed fleet file makes the next run's first cycle a change. */
  private static long generation(ChaosFleet fleet) {
    try {
      return Integer.toUnsignedLong(JSON.writeValueAsString(fleet.getSpec()).hashCode());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String name() {
    return fleet.getMetadata().getName();
  }

  /** The control loop: a cycle when one is due (poll interval or alert), convergence always. */
  private void loop() {
    var poll = Durations.parse(fleet.getSpec().getPrometheus().getPollInterval());
    while (!stopping) {
      Duration next = CONVERGE_EVERY;
      try {
        var alerts = takeAlerts();
        var status = control.status();
        var verdict =
            CycleSchedule.check(
                status == null ? null : status.getControl(),
                control.generation(),
                fleet.isPaused(),
                poll,
                alerts,
                Instant.now());
        if (verdict.run().isPresent()) {
          runCycle(verdict.run().get(), alerts);
        }
        if (!stopping) {
          supervisor.converge(control.status());
        }
        next = verdict.run().isPresent() ? poll : verdict.next();
        loopProblem = null;
      } catch (IOException | RuntimeException e) {
        loopProblem = e.getMessage();
        LOG.error("control loop: {}", e.toString());
      }
      listeners.forEach(l -> l.accept(this));
      try {
        long wait = Math.max(1, Math.min(next.toMillis(), CONVERGE_EVERY.toMillis()));
        if (wake.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
          wake.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void runCycle(Trigger trigger, List<String> alerts) throws IOException {
    try {
      control.run(trigger);
    } catch (RuntimeException e) {
      synchronized (pendingAlerts) {
        pendingAlerts.addAll(alerts);
      }
      throw e;
    }
  }

  private boolean alert(FleetRef ref, List<String> names) {
    if (control == null || !control.ref().equals(ref)) {
      return false;
    }
    synchronized (pendingAlerts) {
      pendingAlerts.addAll(names);
    }
    lastAlertAt = Instant.now();
    wake.release();
    return true;
  }

  private List<String> takeAlerts() {
    synchronized (pendingAlerts) {
      var names = List.copyOf(pendingAlerts);
      pendingAlerts.clear();
      return names;
    }
  }

  private void notice(String message) {
    LOG.warn("notify: {}", message);
    notices.addFirst(Instant.now() + " " + message);
    while (notices.size() > MAX_NOTICES) {
      notices.removeLast();
    }
  }

  /** Called after every turn of the loop (about once a second): the live view. */
  public void onTurn(Consumer<LocalRuntime> listener) {
    listeners.add(listener);
  }

  public String fleetName() {
    return name();
  }

  public ChaosFleet fleet() {
    return fleet;
  }

  /** The status as last written (a copy to read); null before the first cycle of a fresh fleet. */
  public ChaosFleetStatus status() {
    var status = control == null ? null : control.status();
    return status == null ? null : JSON.convertValue(status, ChaosFleetStatus.class);
  }

  /** The latest cycle's report; null before the first. */
  public CycleReport lastReport() {
    return control == null ? null : control.lastReport();
  }

  public List<WorkerHost> hosts() {
    return supervisor.hosts();
  }

  /** Process id of every worker and traffic generator process, by name. */
  public Map<String, Long> pids() {
    return supervisor.pids();
  }

  public List<URI> trafficGenerators() {
    return supervisor.trafficGenerators();
  }

  public String prometheusUrl() {
    return monitoring.prometheusUrl();
  }

  public String alertmanagerUrl() {
    return monitoring.alertmanagerUrl();
  }

  /** Base URL of the runtime's own HTTP server: /metrics, /alertmanager, /healthz, /readyz. */
  public String url() {
    return "http://127.0.0.1:" + http.port();
  }

  public boolean prometheusRunning() {
    return monitoring.prometheusRunning();
  }

  public long prometheusPid() {
    return monitoring.prometheusPid();
  }

  /** Starts Prometheus again after it stopped (same port, same data). */
  public void restartPrometheus() throws IOException {
    monitoring.startPrometheus();
  }

  public Path runDir() {
    return dir.root();
  }

  public Path adminTokenFile() {
    return dir.root().resolve("admin-token");
  }

  /** When the latest alert for this fleet arrived through Alertmanager; null before any. */
  public Instant lastAlertAt() {
    return lastAlertAt;
  }

  /** The control loop's last error, cleared by the next good turn; null when none. */
  public String loopProblem() {
    return loopProblem;
  }

  public List<String> notices() {
    return List.copyOf(notices);
  }

  /** The runtime's own metrics (control loop, queries, decisions) in Prometheus text format. */
  public String metrics() {
    return metrics.scrape();
  }

  /** Stops the loop, then every process, then the servers; safe to call more than once. */
  @Override
  public synchronized void close() {
    stopping = true;
    wake.release();
    if (loop != null && loop != Thread.currentThread()) {
      try {
        loop.join(Duration.ofSeconds(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        LOG.warn("stopping: {}", e.toString());
      }
    }
    started.clear();
  }
}
