package dev.microscope.docs;

import java.util.Map;
import java.util.TreeMap;

/** The metric families of a Prometheus text exposition: name to type, from its TYPE lines. */
final class Exposition {
  private Exposition() {}

  static Map<String, String> families(String text) {
    Map<String, String> families = new TreeMap<>();
    for (String line : text.split("\n")) {
      if (line.startsWith("# TYPE ")) {
        String[] parts = line.split(" ");
        families.put(parts[2], parts[3]);
      }
    }
    return families;
  }

  /** The families whose names start with one of {@code prefixes}. */
  static Map<String, String> only(Map<String, String> families, String... prefixes) {
    Map<String, String> out = new TreeMap<>();
    families.forEach(
        (name, type) -> {
          for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
              out.put(name, type);
            }
          }
        });
    return out;
  }
}
