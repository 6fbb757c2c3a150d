package dev.microscope.operator.local;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run a fleet locally.
 *
 * @param fleetFile the ChaosFleet YAML
 * @param runDir where this run keeps its processes' files, its data and the fleet's status
 * @param prometheusBin null = {@code prometheus} on the PATH
 * @param alertmanagerBin null = {@code prometheus-alertmanager} or {@code alertmanager} on the PATH
 * @param workerJar the worker and traffic generator jar
 * @param rulesDir the prometheus-rules directory
 * @param scrapeInterval Prometheus' scrape and rule evaluation interval
 * @param alertForScale multiplies every alert's {@code for:} (1 = as written; less for time-scaled
 *     runs)
 * @param dryRun run the fleet in DryRun whatever its spec says
 * @param alertWebhook a webhook URL that gets every alert too (a person's receiver); null for none
 * @param httpPort the runtime's HTTP port (metrics, Alertmanager webhook); 0 = a free one
 */
public record LocalOptions(
    Path fleetFile,
    Path runDir,
    Path prometheusBin,
    Path alertmanagerBin,
    Path workerJar,
    Path rulesDir,
    Duration scrapeInterval,
    double alertForScale,
    boolean dryRun,
    String alertWebhook,
    int httpPort) {}
