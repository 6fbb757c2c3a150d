package dev.microscope.operator.loop;

import java.net.URI;
import java.util.List;

/** Sends every traffic generator the desired traffic ({@code PUT /admin/traffic}). */
final class TrafficPush {
  private TrafficPush() {}

  static PushReport push(
      DesiredTraffic traffic, List<URI> generators, AdminClient admin, AdminToken token) {
    String body = traffic.json();
    var calls =
        generators.stream().map(g -> AdminClient.Call.put(g, "/admin/traffic", body)).toList();
    var errors =
        admin.send(calls, token).stream().filter(r -> !r.ok()).map(r -> r.error()).toList();
    return new PushReport("traffic", calls.size(), errors);
  }
}
