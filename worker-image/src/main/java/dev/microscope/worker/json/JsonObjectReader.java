package dev.microscope.worker.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of one JSON object strictly: wrong types, values out of range and fields nobody
 * asked for all fail with the exact path of the field ({@code errors.burst.rate}).
 */
public final class JsonObjectReader {
  private final JsonNode node;
  private final String path;
  private final Set<String> read = new HashSet<>();

  private JsonObjectReader(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  /** The document root, which must be an object. */
  public static JsonObjectReader root(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new BadFieldException(BadFieldException.ROOT, "expected a JSON object");
    }
    return new JsonObjectReader(node, "");
  }

  public String path(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  public boolean has(String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull();
  }

  private JsonNode take(String field) {
    read.add(field);
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value;
  }

  public Double optionalNumber(String field, double min, double max) {
    JsonNode value = take(field);
    if (value == null) {
      return null;
    }
    if (!value.isNumber()) {
      throw new BadFieldException(path(field), path(field) + " must be a number");
    }
    double number = value.asDouble();
    if (!(number >= min && number <= max)) {
      throw new BadFieldException(
          path(field), path(field) + " must be from " + fmt(min) + " to " + fmt(max));
    }
    return number;
  }

  public double number(String field, double min, double max, double defaultValue) {
    Double value = optionalNumber(field, min, max);
    return value == null ? defaultValue : value;
  }

  public double requiredNumber(String field, double min, double max) {
    Double value = optionalNumber(field, min, max);
    if (value == null) {
      throw new BadFieldException(path(field), path(field) + " is required");
    }
    return value;
  }

  public Long optionalInteger(String field, long min, long max) {
    JsonNode value = take(field);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new BadFieldException(path(field), path(field) + " must be an integer");
    }
    long number = value.asLong();
    if (number < min || number > max) {
      throw new BadFieldException(path(field), path(field) + " must be from " + min + " to " + max);
    }
    return number;
  }

  public long integer(String field, long min, long max, long defaultValue) {
    Long value = optionalInteger(field, min, max);
    return value == null ? defaultValue : value;
  }

  public long requiredInteger(String field, long min, long max) {
    Long value = optionalInteger(field, min, max);
    if (value == null) {
      throw new BadFieldException(path(field), path(field) + " is required");
    }
    return value;
  }

  public boolean bool(String field, boolean defaultValue) {
    JsonNode value = take(field);
    if (value == null) {
      return defaultValue;
    }
    if (!value.isBoolean()) {
      throw new BadFieldException(path(field), path(field) + " must be true or false");
    }
    return value.asBoolean();
  }

  public String optionalString(String field) {
    JsonNode value = take(field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw new BadFieldException(path(field), path(field) + " must be a string");
    }
    return value.asText();
  }

  /** A string that must be one of {@code allowed}. */
  public String choice(String field, List<String> allowed, String defaultValue) {
    String value = optionalString(field);
    if (value == null) {
      return defaultValue;
    }
    if (!allowed.contains(value)) {
      throw new BadFieldException(
          path(field), path(field) + " must be one of " + String.join(", ", allowed));
    }
    return value;
  }

  /** A nested object, or null when absent. */
  public JsonObjectReader optionalObject(String field) {
    JsonNode value = take(field);
    if (value == null) {
      return null;
    }
    if (!value.isObject()) {
      throw new BadFieldException(path(field), path(field) + " must be an object");
    }
    return new JsonObjectReader(value, path(field));
  }

  /** A list of strings, or null when absent. */
  public List<String> optionalStrings(String field) {
    JsonNode value = take(field);
    if (value == null) {
      return null;
    }
    if (!value.isArray()) {
      throw new BadFieldException(path(field), path(field) + " must be an array of strings");
    }
    List<String> strings = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isTextual()) {
        throw new BadFieldException(
            path(field) + "[" + i + "]", path(field) + "[" + i + "] must be a string");
      }
      strings.add(value.get(i).asText());
    }
    return strings;
  }

  /** A list of objects, or null when absent. */
  public List<JsonObjectReader> optionalObjects(String field) {
    JsonNode value = take(field);
    if (value == null) {
      return null;
    }
    if (!value.isArray()) {
      throw new BadFieldException(path(field), path(field) + " must be an array");
    }
    List<JsonObjectReader> objects = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      String itemPath = path(field) + "[" + i + "]";
      if (!value.get(i).isObject()) {
        throw new BadFieldException(itemPath, itemPath + " must be an object");
      }
      objects.add(new JsonObjectReader(value.get(i), itemPath));
    }
    return objects;
  }

  /** The names of every field of this object, for maps keyed by name. */
  public List<String> fieldNames() {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Fails on the first field that none of the readers above asked for. */
  public void rejectUnknown() {
    var names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!read.contains(name)) {
        throw new BadFieldException(path(name), "unknown field " + path(name));
      }
    }
  }

  private static String fmt(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}
