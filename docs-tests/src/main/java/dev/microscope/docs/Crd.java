package dev.microscope.docs;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The parts of a CustomResourceDefinition file the reference is made from (its first version). */
public record Crd(
    String group,
    String kind,
    String version,
    List<String> shortNames,
    List<Map<String, Object>> printerColumns,
    Map<String, Object> schema) {

  /** Reads a CRD YAML file; fails naming the file when it is not one. */
  public static Crd read(Path file) {
    try (Reader reader = Files.newBufferedReader(file)) {
      Map<String, Object> crd =
          map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
      Map<String, Object> spec = map(crd.get("spec"));
      Map<String, Object> names = map(spec.get("names"));
      Map<String, Object> version = map(list(spec.get("versions")).getFirst());
      return new Crd(
          (String) spec.get("group"),
          (String) names.get("kind"),
          (String) version.get("name"),
          list(names.getOrDefault("shortNames", List.of())),
          list(version.getOrDefault("additionalPrinterColumns", List.of())),
          map(map(version.get("schema")).get("openAPIV3Schema")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the CRD " + file, e);
    } catch (ClassCastException | NullPointerException | java.util.NoSuchElementException e) {
      throw new IllegalArgumentException(
          file + " is not a CustomResourceDefinition with a version", e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    return (Map<String, Object>) node;
  }

  @SuppressWarnings("unchecked")
  static <T> List<T> list(Object node) {
    return (List<T>) node;
  }
}
