package dev.microscope.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads Prometheus rule files into {@link Rule}s. */
final class RuleFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RuleFiles() {}

  static List<Rule> load(List<Path> files) {
    List<Rule> rules = new ArrayList<>();
    files.forEach(file -> rules.addAll(load(file)));
    return rules;
  }

  static List<Rule> load(Path file) {
    JsonNode root = readYaml(file);
    List<Rule> rules = new ArrayList<>();
    for (JsonNode group : root.path("groups")) {
      for (JsonNode rule : group.path("rules")) {
        rules.add(
            new Rule(
                file.getFileName().toString(),
                group.path("name").asText(),
                text(rule, "record"),
                text(rule, "alert"),
                rule.path("expr").asText(),
                text(rule, "for"),
                strings(rule.path("labels")),
                strings(rule.path("annotations"))));
      }
    }
    return rules;
  }

  static List<Rule> alerts() {
    return load(ModuleFiles.ruleFiles()).stream().filter(Rule::isAlert).toList();
  }

  static List<Rule> recordingRules() {
    return load(ModuleFiles.ruleFiles()).stream().filter(r -> !r.isAlert()).toList();
  }

  /** A YAML file as a JSON tree, anchors and aliases resolved. */
  static JsonNode readYaml(Path file) {
    try (Reader reader = Files.newBufferedReader(file)) {
      Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
      return JSON.valueToTree(document);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Map<String, String> strings(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }
}
