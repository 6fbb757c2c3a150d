package dev.microscope.loadgen;

import dev.microscope.worker.Endpoint;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One virtual worker of one target process, with its endpoint URIs built once. */
public final class TargetWorker {
  private final String hostPort;
  private final String workerId;
  private final URI[] uris = new URI[Endpoint.all().length];

  public TargetWorker(String hostPort, String workerId) {
    this.hostPort = hostPort;
    this.workerId = workerId;
    String base =
        "http://"
            + hostPort
            + "/w/"
            + URLEncoder.encode(workerId, StandardCharsets.UTF_8).replace("+", "%20");
    for (Endpoint endpoint : Endpoint.all()) {
      uris[endpoint.ordinal()] = URI.create(base + endpoint.path());
    }
  }

  public String hostPort() {
    return hostPort;
  }

  public String workerId() {
    return workerId;
  }

  public URI uri(Endpoint endpoint) {
    return uris[endpoint.ordinal()];
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TargetWorker t
        && t.hostPort.equals(hostPort)
        && t.workerId.equals(workerId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(hostPort, workerId);
  }

  @Override
  public String toString() {
    return workerId + "@" + hostPort;
  }
}
