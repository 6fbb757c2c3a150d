package dev.microscope.chart;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The checks of Kubernetes' "restricted" Pod Security Standard that a pod template can fail, each
 * broken one reported with the field it is about. A namespace labelled
 * pod-security.kubernetes.io/enforce=restricted admits only pods that pass them all.
 */
final class RestrictedPodSecurity {
  private static final Set<String> VOLUME_TYPES =
      Set.of(
          "configMap",
          "csi",
          "downwardAPI",
          "emptyDir",
          "ephemeral",
          "persistentVolumeClaim",
          "projected",
          "secret");

  private RestrictedPodSecurity() {}

  static List<String> violations(JsonNode podSpec) {
    var found = new ArrayList<String>();
    for (var host : List.of("hostNetwork", "hostPID", "hostIPC")) {
      if (podSpec.path(host).asBoolean(false)) {
        found.add("spec." + host + " is true");
      }
    }
    podSpec
        .path("volumes")
        .forEach(
            v ->
                v.fieldNames()
                    .forEachRemaining(
                        f -> {
                          if (!f.equals("name") && !VOLUME_TYPES.contains(f)) {
                            found.add("volume " + v.path("name").asText() + " is of type " + f);
                          }
                        }));
    var pod = podSpec.path("securityContext");
    var containers = new ArrayList<JsonNode>();
    podSpec.path("initContainers").forEach(containers::add);
    podSpec.path("containers").forEach(containers::add);
    for (var c : containers) {
      var name = "container " + c.path("name").asText();
      var sc = c.path("securityContext");
      if (sc.path("privileged").asBoolean(false)) {
        found.add(name + ": securityContext.privileged is true");
      }
      if (!sc.path("allowPrivilegeEscalation").isBoolean()
          || sc.path("allowPrivilegeEscalation").asBoolean()) {
        found.add(name + ": securityContext.allowPrivilegeEscalation is not false");
      }
      var drop = new ArrayList<String>();
      sc.path("capabilities").path("drop").forEach(d -> drop.add(d.asText()));
      if (!drop.contains("ALL")) {
        found.add(name + ": securityContext.capabilities.drop lacks ALL");
      }
      sc.path("capabilities")
          .path("add")
          .forEach(
              a -> {
                if (!a.asText().equals("NET_BIND_SERVICE")) {
                  found.add(name + ": securityContext.capabilities.add has " + a.asText());
                }
              });
      if (!effective(sc, pod, "runAsNonRoot").asBoolean(false)) {
        found.add(name + ": runAsNonRoot is not true");
      }
      if (effective(sc, pod, "runAsUser").asLong(-1) == 0) {
        found.add(name + ": runAsUser is 0");
      }
      var seccomp = effective(sc, pod, "seccompProfile").path("type").asText();
      if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
        found.add(name + ": seccompProfile.type is '" + seccomp + "'");
      }
      c.path("ports")
          .forEach(
              p -> {
                if (p.path("hostPort").asInt(0) != 0) {
                  found.add(name + ": hostPort " + p.path("hostPort").asInt());
                }
              });
    }
    return found;
  }

  /** The container's setting, else the pod's. */
  private static JsonNode effective(JsonNode container, JsonNode pod, String field) {
    return container.has(field) ? container.path(field) : pod.path(field);
  }
}
