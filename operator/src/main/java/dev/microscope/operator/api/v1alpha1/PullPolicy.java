package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Kubernetes image pull policy. */
public enum PullPolicy {
  @JsonProperty("Always")
  ALWAYS,
  @JsonProperty("IfNotPresent")
  IF_NOT_PRESENT,
  @JsonProperty("Never")
  NEVER;

  /** The value Kubernetes expects in a container. */
  public String kubernetesValue() {
    return switch (this) {
      case ALWAYS -> "Always";
      case IF_NOT_PRESENT -> "IfNotPresent";
      case NEVER -> "Never";
    };
  }
}
