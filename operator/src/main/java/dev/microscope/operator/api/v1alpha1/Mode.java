package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How much the operator may do to a fleet. */
public enum Mode {
  @JsonProperty("Enforce")
  ENFORCE,
  @JsonProperty("DryRun")
  DRY_RUN,
  @JsonProperty("Observe")
  OBSERVE
}
