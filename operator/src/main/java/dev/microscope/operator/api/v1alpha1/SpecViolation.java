package dev.microscope.operator.api.v1alpha1;

/**
 * One reason a fleet's spec cannot be acted on.
 *
 * @param field JSON path of the offending field, e.g. {@code spec.workers.replicas.min}
 * @param problem what is wrong with it, for a person
 */
public record SpecViolation(String field, String problem) {
  @Override
  public String toString() {
    return field + ": " + problem;
  }
}
