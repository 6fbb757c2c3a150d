package dev.microscope.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** The objects of a rendered chart (helm template output), looked up by kind and name. */
final class Rendered {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final List<JsonNode> objects;

  private Rendered(List<JsonNode> objects) {
    this.objects = List.copyOf(objects);
  }

  static Rendered parse(String manifests) {
    var objects = new ArrayList<JsonNode>();
    try (var parser = YAML.getFactory().createParser(manifests)) {
      for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
        var node = it.next();
        if (node != null && !node.isNull() && !node.isMissingNode()) {
          objects.add(node);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Rendered(objects);
  }

  List<JsonNode> all() {
    return objects;
  }

  List<JsonNode> all(String kind) {
    return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
  }

  /** The only object of a kind. */
  JsonNode one(String kind) {
    var found = all(kind);
    if (found.size() != 1) {
      throw new NoSuchElementException(found.size() + " objects of kind " + kind + ", not one");
    }
    return found.get(0);
  }

  JsonNode get(String kind, String name) {
    return all(kind).stream()
        .filter(o -> name.equals(o.path("metadata").path("name").asText()))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no " + kind + " " + name));
  }

  List<String> kinds() {
    return objects.stream().map(o -> o.path("kind").asText()).distinct().sorted().toList();
  }
}
