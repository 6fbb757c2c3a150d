/**
 * One lap of the control loop, shared by the Kubernetes operator and the local runtime: observe,
 * read the signals, decide, act, record. No Kubernetes types here (a test keeps it so); a platform
 * plugs in with a {@link dev.microscope.operator.loop.FleetObserver} and an {@link
 * dev.microscope.operator.loop.Actuator}.
 *
 * <p>{@link dev.microscope.operator.loop.ControlCycle#run} does the lap for one fleet:
 *
 * <ol>
 *   <li>{@link dev.microscope.operator.loop.FleetPolicyMapper} turns the ChaosFleet spec (and the
 *       pause flag) into the control loop's {@link dev.microscope.operator.control.FleetPolicy};
 *       {@link dev.microscope.operator.loop.StatusMemory} reads the {@link
 *       dev.microscope.operator.control.ControlMemory} from {@code status.control.memory}.
 *   <li>The observer returns a {@link dev.microscope.operator.loop.FleetSnapshot}: worker hosts
 *       (pods or processes) with their admin address and the worker ids they host, traffic
 *       generators, the replica count and chaos level the fleet runs at, the admin token and where
 *       Prometheus is (or why that is not known: then the poll fails, never the cycle).
 *   <li>A {@link dev.microscope.operator.loop.SignalSource} ({@link
 *       dev.microscope.operator.loop.PrometheusSignals}: one query per signal per fleet) reads the
 *       signals; {@link dev.microscope.operator.control.ControlLoop#decide} decides.
 *   <li>Planned decisions are carried out in order: a worker alone on its host is restarted,
 *       quarantined or retired through the actuator (in Kubernetes: pod deleted, pod relabelled); a
 *       virtual worker restarts through its host's admin API; scale, resources, traffic rate and
 *       the quarantined list change the desired {@link dev.microscope.operator.loop.FleetState}.
 *   <li>Every worker's chaos lease is renewed ({@code PUT /admin/chaos}, the plan's faults to its
 *       targets, level 0 to the others), then every traffic generator gets the desired traffic
 *       ({@code PUT /admin/traffic}): in parallel, each call bounded by a timeout, failures folded
 *       into the decision they carried or into an entry of their own ({@code chaos-lease}, {@code
 *       traffic}). Nothing is sent unless the mode is Enforce.
 *   <li>The {@link dev.microscope.operator.loop.CycleReport} goes to {@link
 *       dev.microscope.operator.loop.StatusWriter} (memory, decision log, indicators, scores,
 *       desired state) and to listeners (metrics, Events).
 * </ol>
 *
 * <p>Decisions made here, once:
 *
 * <ul>
 *   <li>Desired state lives in the fleet's status and the platform converges on it: {@code
 *       status.workers.replicas}, {@code status.workers.resources}, {@code status.chaosLevel},
 *       {@code status.quarantinedWorkers}, {@code status.trafficRate}. The Kubernetes worker
 *       Deployment and ConfigMaps are rendered from it in the same reconcile; the local runtime's
 *       supervisor does the same with processes and its targets file. The actuator only does what
 *       cannot be desired state: act on one host.
 *   <li>The chaos file a worker starts with ({@link dev.microscope.operator.loop.ChaosJson}) and
 *       the traffic file of the traffic generator ({@link
 *       dev.microscope.operator.loop.DesiredTraffic}) are the same documents the admin APIs get.
 *   <li>A cycle is due ({@link dev.microscope.operator.loop.CycleSchedule}) when the poll interval
 *       has passed since the last cycle recorded in the status, when an alert names the fleet
 *       ({@link dev.microscope.operator.loop.AlertmanagerWebhook}), or when the spec or the pause
 *       flag changed; any other wake-up runs nothing, so a status write never causes a cycle. Every
 *       decision records its trigger: {@code poll}, {@code change} or {@code alert:<names>}.
 *   <li>The decision log ({@link dev.microscope.operator.loop.DecisionLog}) keeps the latest 20
 *       entries; a decision held back or failing again, cycle after cycle, updates its entry and
 *       count instead of filling the log, and makes no new Event.
 *   <li>Secrets (admin token, Prometheus credentials) never reach a message, a log or the status.
 * </ul>
 */
package dev.microscope.operator.loop;
