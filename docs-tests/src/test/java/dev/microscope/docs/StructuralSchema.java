package dev.microscope.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the API server does with a custom resource against its structural schema, as far as these
 * docs need it: fills in defaults, then reports every field that is unknown, of the wrong type, out
 * of its bounds, not in its enum, not matching its pattern, or missing while required.
 */
final class StructuralSchema {
  /** Fields of every object the API server checks itself; a CRD's schema leaves them out. */
  private static final List<String> IMPLICIT = List.of("apiVersion", "kind", "metadata");

  private final Map<String, Object> schema;

  StructuralSchema(Map<String, Object> schema) {
    this.schema = schema;
  }

  /** A copy of {@code value} with every default of the schema filled in where a field is absent. */
  Object withDefaults(Object value) {
    return defaults(value, schema);
  }

  /** Every violation as {@code path: problem}; empty when the value is valid. */
  List<String> violations(Object value, String root) {
    List<String> out = new ArrayList<>();
    check(value, schema, root, out);
    return out;
  }

  private static Object defaults(Object value, Map<String, Object> node) {
    if (value instanceof Map<?, ?> map && node.get("properties") instanceof Map<?, ?> props) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put((String) k, v));
      for (var field : Crd.map(props).entrySet()) {
        Map<String, Object> child = Crd.map(field.getValue());
        if (!copy.containsKey(field.getKey()) && child.containsKey("default")) {
          copy.put(field.getKey(), child.get("default"));
        }
        if (copy.containsKey(field.getKey())) {
          copy.put(field.getKey(), defaults(copy.get(field.getKey()), child));
        }
      }
      return copy;
    }
    if (value instanceof List<?> list && node.get("items") instanceof Map<?, ?> items) {
      return list.stream().map(v -> defaults(v, Crd.map(items))).toList();
    }
    return value;
  }

  private static void check(Object value, Map<String, Object> node, String path, List<String> out) {
    String type = (String) node.get("type");
    if (type != null && !hasType(value, type)) {
      out.add(path + ": must be " + type + ", is " + value);
      return;
    }
    if (value instanceof Map<?, ?> map) {
      object(map, node, path, out);
    } else if (value instanceof List<?> list) {
      bound(list.size(), node.get("maxItems"), false, path + ": items", out);
      if (node.get("items") instanceof Map<?, ?> items) {
        for (int i = 0; i < list.size(); i++) {
          check(list.get(i), Crd.map(items), path + "[" + i + "]", out);
        }
      }
    } else if (value instanceof Number n) {
      bound(n.doubleValue(), node.get("minimum"), true, path, out);
      bound(n.doubleValue(), node.get("maximum"), false, path, out);
    } else if (value instanceof String s) {
      if (node.get("pattern") instanceof String p && !Pattern.compile(p).matcher(s).find()) {
        out.add(path + ": '" + s + "' does not match " + p);
      }
      bound(s.length(), node.get("minLength"), true, path + ": length", out);
      bound(s.length(), node.get("maxLength"), false, path + ": length", out);
    }
    if (node.get("enum") instanceof List<?> values && !values.contains(value)) {
      out.add(path + ": '" + value + "' is not one of " + values);
    }
  }

  private static void object(
      Map<?, ?> map, Map<String, Object> node, String path, List<String> out) {
    Map<String, Object> props = Crd.map(node.getOrDefault("properties", Map.of()));
    for (String required : Crd.<String>list(node.getOrDefault("required", List.of()))) {
      if (!map.containsKey(required)) {
        out.add(path + "." + required + ": is required");
      }
    }
    for (var field : map.entrySet()) {
      if (path.isEmpty() && IMPLICIT.contains(field.getKey())) {
        continue;
      }
      String child = path + "." + field.getKey();
      if (props.get(field.getKey()) instanceof Map<?, ?> schema) {
        check(field.getValue(), Crd.map(schema), child, out);
      } else if (node.get("additionalProperties") instanceof Map<?, ?> values) {
        check(field.getValue(), Crd.map(values), child, out);
      } else if (!Boolean.TRUE.equals(node.get("x-kubernetes-preserve-unknown-fields"))) {
        out.add(child + ": unknown field");
      }
    }
  }

  private static boolean hasType(Object value, String type) {
    return switch (type) {
      case "object" -> value instanceof Map;
      case "array" -> value instanceof List;
      case "string" -> value instanceof String;
      case "boolean" -> value instanceof Boolean;
      case "integer" -> value instanceof Integer || value instanceof Long;
      case "number" -> value instanceof Number;
      default -> true;
    };
  }

  private static void bound(
      double actual, Object limit, boolean lower, String path, List<String> out) {
    if (limit == null) {
      return;
    }
    double bound = Double.parseDouble(limit.toString());
    if (lower ? actual < bound : actual > bound) {
      out.add(path + ": " + actual + (lower ? " is below " : " is above ") + bound);
    }
  }
}
