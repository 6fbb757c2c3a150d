package dev.microscope.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every field path of spec and status, written as the reference writes them. */
final class SchemaPaths {
  private SchemaPaths() {}

  static List<String> of(CrdReference reference) {
    List<String> out = new ArrayList<>();
    Map<String, Object> root =
        Crd.map(reference.crd().schema().getOrDefault("properties", Map.of()));
    for (String top : List.of("spec", "status")) {
      walk(SchemaField.children(Crd.map(root.get(top))), top, out);
    }
    return out;
  }

  private static void walk(Map<String, Object> fields, String prefix, List<String> out) {
    for (var field : fields.entrySet()) {
      Map<String, Object> node = Crd.map(field.getValue());
      String path = prefix + "." + field.getKey();
      out.add(path);
      walk(SchemaField.children(node), SchemaField.childPrefix(path, node), out);
    }
  }
}
