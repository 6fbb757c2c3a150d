package dev.microscope.loadgen;

import java.util.List;

/** Where worker processes are found: {@code host:port} of each, read fresh on every call. */
public interface TargetSource {
  List<String> hostPorts();
}
