package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.EndpointProfile;
import dev.microscope.operator.api.v1alpha1.ProfilesSpec;
import dev.microscope.operator.loop.AdminJson;

/** The worker's --profiles file: {@code {"endpoints": {"/api/users": {...}, ...}}}. */
public final class ProfilesFile {
  private ProfilesFile() {}

  public static String render(ProfilesSpec profiles) {
    var root = AdminJson.object();
    var endpoints = root.putObject("endpoints");
    put(endpoints, "/api/users", profiles.getUsers());
    put(endpoints, "/api/orders", profiles.getOrders());
    put(endpoints, "/api/slow", profiles.getSlow());
    return AdminJson.write(root);
  }

  private static void put(
      com.fasterxml.jackson.databind.node.ObjectNode endpoints, String path, EndpointProfile p) {
    if (p != null) {
      var node = endpoints.putObject(path);
      node.put("minMs", p.getMinMs());
      node.put("maxMs", p.getMaxMs());
      node.put("errorRate", p.getErrorRate());
    }
  }
}
