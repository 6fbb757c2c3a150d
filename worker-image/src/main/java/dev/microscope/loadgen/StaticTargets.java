package dev.microscope.loadgen;

import java.util.List;

/** The {@code --targets} list. */
public record StaticTargets(List<String> hostPorts) implements TargetSource {
  public StaticTargets {
    hostPorts = List.copyOf(hostPorts);
  }
}
