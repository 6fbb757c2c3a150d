package dev.microscope.operator.loop;

import dev.microscope.operator.control.ChaosPlan;
import dev.microscope.operator.control.FaultSet;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Sends every worker the chaos of the plan, renewing its lease: the plan's faults to its targets,
 * no fault (level 0) to every other worker, and to a worker quarantined in this very cycle (the
 * plan was made before). A host whose workers all get the same document gets one call for all of
 * them; otherwise one call per worker.
 */
final class ChaosPush {
  private ChaosPush() {}

  static PushReport push(
      ChaosPlan plan,
      List<WorkerHost> hosts,
      Set<String> quarantined,
      Long seed,
      AdminClient admin,
      AdminToken token) {
    String faults = ChaosJson.render(plan.faults(), plan.level(), plan.leaseSeconds(), seed);
    String none = ChaosJson.render(FaultSet.none(), 0, plan.leaseSeconds(), seed);
    Set<String> targets = new HashSet<>(plan.targets());
    targets.removeAll(quarantined);
    List<AdminClient.Call> calls = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    int total = 0;
    for (WorkerHost host : hosts) {
      List<String> bodies =
          host.workers().stream().map(w -> targets.contains(w) ? faults : none).toList();
      boolean uniform = bodies.stream().distinct().count() <= 1;
      int callsForHost = uniform ? 1 : bodies.size();
      total += callsForHost;
      if (host.admin() == null) {
        for (int i = 0; i < callsForHost; i++) {
          errors.add("host " + host.name() + " has no address yet");
        }
      } else if (uniform) {
        calls.add(
            AdminClient.Call.put(
                host.admin(), "/admin/chaos", bodies.isEmpty() ? none : bodies.get(0)));
      } else {
        for (int i = 0; i < bodies.size(); i++) {
          calls.add(
              AdminClient.Call.put(
                  host.admin(),
                  "/admin/chaos/"
                      + URLEncoder.encode(host.workers().get(i), StandardCharsets.UTF_8),
                  bodies.get(i)));
        }
      }
    }
    admin.send(calls, token).stream().filter(r -> !r.ok()).forEach(r -> errors.add(r.error()));
    return new PushReport("chaos", total, errors);
  }
}
