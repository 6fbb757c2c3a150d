package dev.microscope.operator.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.ChaosFleetValidator;
import dev.microscope.operator.api.v1alpha1.SpecViolation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@code ChaosFleet} read from a YAML file, checked as the operator checks one (with {@link
 * ChaosFleetValidator}, since no API server validated it first). Local fleets live in namespace
 * {@value #NAMESPACE}; a status in the file is ignored (the run directory keeps the status).
 */
public final class FleetFile {
  /** The {@code namespace} label of every series of a local fleet (docs/contract.md). */
  public static final String NAMESPACE = "local";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private FleetFile() {}

  /**
   * @throws InvalidFleetException naming the field of every problem found
   */
  public static ChaosFleet read(Path file) {
    ChaosFleet fleet;
    try {
      var tree = YAML.readTree(Files.readString(file));
      var kind = tree == null ? "" : tree.path("kind").asText("");
      if (!"ChaosFleet".equals(kind)) {
        throw new InvalidFleetException(
            file, List.of(new SpecViolation("kind", "must be ChaosFleet, not '" + kind + "'")));
      }
      fleet = YAML.treeToValue(tree, ChaosFleet.class);
    } catch (NoSuchFileException e) {
      throw new InvalidFleetException(file, List.of(new SpecViolation("", "no such file")));
    } catch (UnrecognizedPropertyException e) {
      throw new InvalidFleetException(file, List.of(new SpecViolation(path(e), "is not a field")));
    } catch (JsonMappingException e) {
      throw new InvalidFleetException(
          file, List.of(new SpecViolation(path(e), e.getOriginalMessage())));
    } catch (IOException e) {
      throw new InvalidFleetException(
          file, List.of(new SpecViolation("", "cannot be read: " + e.getMessage())));
    }
    if (fleet == null) {
      throw new InvalidFleetException(file, List.of(new SpecViolation("", "is empty")));
    }
    if (fleet.getMetadata() == null) {
      throw new InvalidFleetException(file, List.of(new SpecViolation("metadata", "is required")));
    }
    fleet.getMetadata().setNamespace(NAMESPACE);
    fleet.setStatus(null);
    var violations = new ChaosFleetValidator().validate(fleet);
    if (!violations.isEmpty()) {
      throw new InvalidFleetException(file, violations);
    }
    return fleet;
  }

  /** The JSON path of a mapping problem, e.g. {@code spec.workers.replicas.min}. */
  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining())
        .replaceFirst("^\\.", "");
  }

  /** A fleet file that cannot be run; the message lists every problem by field. */
  public static final class InvalidFleetException extends RuntimeException {
    private final transient List<SpecViolation> violations;

    InvalidFleetException(Path file, List<SpecViolation> violations) {
      super(
          file
              + ": "
              + violations.stream()
                  .map(v -> v.field().isEmpty() ? v.problem() : v.toString())
                  .collect(Collectors.joining("; ")));
      this.violations = List.copyOf(violations);
    }

    public List<SpecViolation> violations() {
      return violations;
    }
  }
}
