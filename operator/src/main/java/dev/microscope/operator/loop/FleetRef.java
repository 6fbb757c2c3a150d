package dev.microscope.operator.loop;

import java.util.Objects;

/**
 * Which fleet: its namespace ({@code local} in local mode) and name, the {@code namespace} and
 * {@code fleet} labels of its series.
 */
public record FleetRef(String namespace, String name) {
  public FleetRef {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
