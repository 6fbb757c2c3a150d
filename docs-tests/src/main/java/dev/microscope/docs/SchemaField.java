package dev.microscope.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How one field of an OpenAPI v3 schema reads in a reference table. */
final class SchemaField {
  private static final int INLINE_DEFAULT = 60;

  private SchemaField() {}

  static String type(Map<String, Object> node) {
    String type = (String) node.getOrDefault("type", "any");
    if ("array".equals(type)) {
      return "[]" + type(Crd.map(node.getOrDefault("items", Map.of())));
    }
    if ("object".equals(type) && node.get("additionalProperties") instanceof Map<?, ?> values) {
      return "map[string]" + type(Crd.map(values));
    }
    if (Boolean.TRUE.equals(node.get("x-kubernetes-preserve-unknown-fields"))) {
      return type + " (any fields)";
    }
    return type;
  }

  /** The default, inline when short; a long object default is the sum of its fields' defaults. */
  static String defaultValue(Map<String, Object> node) {
    if (!node.containsKey("default")) {
      return "";
    }
    String inline = inline(node.get("default"));
    return inline.length() <= INLINE_DEFAULT ? "`" + inline.replace("|", "\\|") + "`" : "(fields)";
  }

  static String validation(Map<String, Object> node, boolean required) {
    List<String> rules = new ArrayList<>();
    if (required) {
      rules.add("required");
    }
    bound(rules, node, "minimum", ">= ");
    bound(rules, node, "maximum", "<= ");
    bound(rules, node, "minLength", "length >= ");
    bound(rules, node, "maxLength", "length <= ");
    bound(rules, node, "minItems", "items >= ");
    bound(rules, node, "maxItems", "items <= ");
    if (node.get("enum") instanceof List<?> values) {
      rules.add(
          "one of " + values.stream().map(v -> "`" + v + "`").collect(Collectors.joining(", ")));
    }
    if (node.get("pattern") instanceof String pattern) {
      rules.add("pattern `" + pattern.replace("|", "\\|").replace("`", "'") + "`");
    }
    return String.join("; ", rules);
  }

  /** The fields under a node: its properties, or those of its array items or map values. */
  static Map<String, Object> children(Map<String, Object> node) {
    Map<String, Object> inner = element(node);
    return Crd.map(inner.getOrDefault("properties", Map.of()));
  }

  static List<String> required(Map<String, Object> node) {
    return Crd.list(element(node).getOrDefault("required", List.of()));
  }

  /** {@code path[]} for array items, {@code path.<key>} for map values, else the path. */
  static String childPrefix(String path, Map<String, Object> node) {
    if ("array".equals(node.get("type"))) {
      return path + "[]";
    }
    if (node.get("additionalProperties") instanceof Map<?, ?>) {
      return path + ".<key>";
    }
    return path;
  }

  private static Map<String, Object> element(Map<String, Object> node) {
    if ("array".equals(node.get("type")) && node.get("items") instanceof Map<?, ?> items) {
      return Crd.map(items);
    }
    if (node.get("additionalProperties") instanceof Map<?, ?> values) {
      return Crd.map(values);
    }
    return node;
  }

  private static void bound(List<String> rules, Map<String, Object> node, String key, String op) {
    if (node.containsKey(key)) {
      rules.add(op + number(node.get(key)));
    }
  }

  private static String number(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
      return Long.toString(d.longValue());
    }
    return String.valueOf(value);
  }

  /** A compact flow rendering: {@code {a: 1, b: [x]}}. */
  static String inline(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> e.getKey() + ": " + inline(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(SchemaField::inline).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof String s) {
      return s.isEmpty() || s.matches(".*[:,{}\\[\\]#].*|true|false|null|[-0-9.].*")
          ? "\"" + s + "\""
          : s;
    }
    return number(value);
  }
}
