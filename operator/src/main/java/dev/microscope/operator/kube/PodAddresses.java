package dev.microscope.operator.kube;

import io.fabric8.kubernetes.api.model.Pod;
import java.net.URI;
import java.util.Optional;

/**
 * Where a pod's HTTP server answers. In a cluster: its pod IP; tests map pods to processes on
 * loopback.
 */
@FunctionalInterface
public interface PodAddresses {
  /** The pod IP, once the pod has one. */
  PodAddresses POD_IP =
      (pod, port) -> {
        var ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
        if (ip == null || ip.isBlank()) {
          return Optional.empty();
        }
        var host = ip.contains(":") ? "[" + ip + "]" : ip;
        return Optional.of(URI.create("http://" + host + ":" + port));
      };

  Optional<URI> of(Pod pod, int port);
}
