package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validates a value against a CRD's structural openAPIV3Schema the way the API server's schema
 * checks would for what this project uses: types, unknown fields (pruned by the server, rejected
 * here, as {@code kubectl apply --validate=strict} does), required, enum, pattern, bounds, sizes,
 * items, additionalProperties, x-kubernetes-preserve-unknown-fields and x-kubernetes-int-or-string.
 * Returns every problem as {@code path: message}.
 */
final class StructuralSchemaValidator {
  private StructuralSchemaValidator() {}

  static List<String> validate(JsonNode schema, JsonNode value) {
    var problems = new ArrayList<String>();
    check(schema, value, "", problems);
    return problems;
  }

  private static void check(JsonNode schema, JsonNode value, String path, List<String> out) {
    if (value == null || value.isNull()) {
      if (!schema.path("nullable").asBoolean(false)) {
        out.add(at(path) + ": null is not allowed");
      }
      return;
    }
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      if (!value.isIntegralNumber() && !value.isTextual()) {
        out.add(at(path) + ": expected an integer or a string");
      }
      return;
    }
    var type = schema.path("type").asText("");
    switch (type) {
      case "object" -> object(schema, value, path, out);
      case "array" -> array(schema, value, path, out);
      case "string" -> string(schema, value, path, out);
      case "integer" -> {
        if (!value.isIntegralNumber() && !(value.isNumber() && value.asDouble() % 1 == 0)) {
          out.add(at(path) + ": expected an integer, got " + value.getNodeType());
        } else {
          bounds(schema, value, path, out);
        }
      }
      case "number" -> {
        if (!value.isNumber()) {
          out.add(at(path) + ": expected a number, got " + value.getNodeType());
        } else {
          bounds(schema, value, path, out);
        }
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          out.add(at(path) + ": expected a boolean, got " + value.getNodeType());
        }
      }
      case "" -> {
        if (!schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
          out.add(at(path) + ": schema has no type (not structural)");
        }
      }
      default -> out.add(at(path) + ": unknown schema type " + type);
    }
    if (schema.has("enum") && !contains(schema.get("enum"), value)) {
      out.add(at(path) + ": " + value + " is not one of " + schema.get("enum"));
    }
  }

  private static void object(JsonNode schema, JsonNode value, String path, List<String> out) {
    if (!value.isObject()) {
      out.add(at(path) + ": expected an object, got " + value.getNodeType());
      return;
    }
    var properties = schema.path("properties");
    var additional = schema.get("additionalProperties");
    boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    value
        .fields()
        .forEachRemaining(
            field -> {
              var child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
              if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), child, out);
              } else if (additional != null && additional.isObject()) {
                check(additional, field.getValue(), child, out);
              } else if (!preserve && (additional == null || !additional.asBoolean())) {
                out.add(at(child) + ": unknown field");
              }
            });
    schema
        .path("required")
        .forEach(
            name -> {
              if (!value.has(name.asText())) {
                out.add(
                    at(path.isEmpty() ? name.asText() : path + "." + name.asText())
                        + ": is required");
              }
            });
  }

  private static void array(JsonNode schema, JsonNode value, String path, List<String> out) {
    if (!value.isArray()) {
      out.add(at(path) + ": expected an array, got " + value.getNodeType());
      return;
    }
    if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
      out.add(at(path) + ": more than " + schema.get("maxItems").asInt() + " items");
    }
    if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
      out.add(at(path) + ": fewer than " + schema.get("minItems").asInt() + " items");
    }
    for (int i = 0; i < value.size(); i++) {
      check(schema.path("items"), value.get(i), path + "[" + i + "]", out);
    }
  }

  private static void string(JsonNode schema, JsonNode value, String path, List<String> out) {
    if (!value.isTextual()) {
      out.add(at(path) + ": expected a string, got " + value.getNodeType());
      return;
    }
    var text = value.asText();
    if (schema.has("pattern")
        && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
      out.add(at(path) + ": '" + text + "' does not match " + schema.get("pattern").asText());
    }
    if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
      out.add(at(path) + ": longer than " + schema.get("maxLength").asInt());
    }
    if (schema.has("minLength") && text.length() < schema.get("minLength").asInt()) {
      out.add(at(path) + ": shorter than " + schema.get("minLength").asInt());
    }
  }

  private static void bounds(JsonNode schema, JsonNode value, String path, List<String> out) {
    double v = value.asDouble();
    if (schema.has("minimum") && v < schema.get("minimum").asDouble()) {
      out.add(
          at(path) + ": " + value + " is below the minimum " + schema.get("minimum").asDouble());
    }
    if (schema.has("maximum") && v > schema.get("maximum").asDouble()) {
      out.add(
          at(path) + ": " + value + " is above the maximum " + schema.get("maximum").asDouble());
    }
  }

  private static boolean contains(JsonNode options, JsonNode value) {
    for (var option : options) {
      if (option.equals(value)
          || (option.isNumber() && value.isNumber() && option.asDouble() == value.asDouble())) {
        return true;
      }
    }
    return false;
  }

  private static String at(String path) {
    return path.isEmpty() ? "(root)" : path;
  }
}
