package dev.microscope.operator.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.microscope.operator.prometheus.FleetRuleGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration files of the local Prometheus and Alertmanager: the project's rule files (with
 * their {@code for:} durations scaled for time-scaled runs), the fleet's own rule group, scrape
 * jobs for the fleet's processes (file-based discovery) and for the runtime itself (its SLO gauges
 * and control-loop metrics, {@code honor_labels} as the operator is scraped), and an Alertmanager
 * route sending every Microscope alert to the runtime's webhook (and to {@code extraWebhook} when
 * given).
 */
final class MonitoringConfig {
  /** The project's rule files, in prometheus-rules/. */
  static final List<String> RULE_FILES =
      List.of("slo.rules.yml", "workers.rules.yml", "platform.rules.yml", "alerts.yml");

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
  private static final Pattern FOR =
      Pattern.compile("(?m)^([ \\t]+for:[ \\t]*)(\\d+)([smh])[ \\t]*$");

  private MonitoringConfig() {}

  /**
   * Copies the rule files into {@code dir}, every {@code for:} multiplied by {@code forScale}
   * (rounded up to whole seconds; 1 leaves them as they are).
   */
  static List<Path> ruleFiles(Path rulesDir, Path dir, double forScale) throws IOException {
    Files.createDirectories(dir);
    var out = new ArrayList<Path>();
    for (String name : RULE_FILES) {
      var source = rulesDir.resolve(name);
      if (!Files.isRegularFile(source)) {
        throw new IllegalStateException(
            "rule file "
                + source
                + " not found (--rules-dir names the prometheus-rules directory)");
      }
      var copy = dir.resolve(name);
      Files.writeString(copy, scaleFor(Files.readString(source), forScale));
      out.add(copy);
    }
    return out;
  }

  static String scaleFor(String rules, double scale) {
    if (scale == 1.0) {
      return rules;
    }
    Matcher m = FOR.matcher(rules);
    var out = new StringBuilder();
    while (m.find()) {
      long seconds =
          Long.parseLong(m.group(2))
              * switch (m.group(3)) {
                case "h" -> 3600;
                case "m" -> 60;
                default -> 1;
              };
      long scaled = Math.max(1, (long) Math.ceil(seconds * scale));
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + scaled + "s"));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The fleet's own rule group as a Prometheus rule file. */
  static String fleetRules(FleetRuleGroup group) {
    var rules = new ArrayList<Map<String, Object>>();
    for (var r : group.rules()) {
      var rule = new LinkedHashMap<String, Object>();
      rule.put("record", r.record());
      rule.put("expr", r.expr());
      rule.put("labels", group.labels());
      rules.add(rule);
    }
    return write(Map.of("groups", List.of(Map.of("name", group.name(), "rules", rules))));
  }

  static String prometheus(
      Duration interval,
      List<Path> ruleFiles,
      String alertmanager,
      Path targetsFile,
      String runtime) {
    var global = new LinkedHashMap<String, Object>();
    global.put("scrape_interval", seconds(interval));
    global.put("scrape_timeout", seconds(interval));
    global.put("evaluation_interval", seconds(interval));
    var fleet = new LinkedHashMap<String, Object>();
    fleet.put("job_name", "microscope");
    fleet.put(
        "file_sd_configs",
        List.of(
            Map.of(
                "files",
                List.of(targetsFile.toAbsolutePath().toString()),
                "refresh_interval",
                "1s")));
    var self = new LinkedHashMap<String, Object>();
    self.put("job_name", "microscope-operator");
    self.put("honor_labels", true);
    self.put("static_configs", List.of(Map.of("targets", List.of(runtime))));
    var config = new LinkedHashMap<String, Object>();
    config.put("global", global);
    config.put("rule_files", ruleFiles.stream().map(p -> p.toAbsolutePath().toString()).toList());
    config.put(
        "alerting",
        Map.of(
            "alertmanagers",
            List.of(Map.of("static_configs", List.of(Map.of("targets", List.of(alertmanager)))))));
    config.put("scrape_configs", List.of(fleet, self));
    return write(config);
  }

  /**
   * Every alert naming a fleet goes to the runtime's webhook at once; with {@code extraWebhook},
   * every alert goes there too (a person's receiver).
   */
  static String alertmanager(String runtimeWebhook, Path tokenFile, String extraWebhook) {
    var operator = new LinkedHashMap<String, Object>();
    operator.put("receiver", "microscope-local");
    operator.put("matchers", List.of("alertname=~\"Microscope.+\""));
    operator.put("group_by", List.of("namespace", "fleet", "alertname"));
    operator.put("group_wait", "0s");
    operator.put("group_interval", "1s");
    operator.put("repeat_interval", "5m");
    operator.put("continue", true);
    var route = new LinkedHashMap<String, Object>();
    route.put("receiver", "none");
    route.put("group_by", List.of("namespace", "fleet", "alertname"));
    route.put("group_wait", "0s");
    route.put("group_interval", "1s");
    route.put("repeat_interval", "1h");
    var routes = new ArrayList<Map<String, Object>>();
    routes.add(operator);
    if (extraWebhook != null) {
      // a matched child route keeps the alert from its parent's receiver: people get their own
      routes.add(Map.of("receiver", "people"));
    }
    route.put("routes", routes);
    var receivers = new ArrayList<Map<String, Object>>();
    receivers.add(
        Map.of(
            "name",
            "microscope-local",
            "webhook_configs",
            List.of(
                Map.of(
                    "url",
                    runtimeWebhook,
                    "send_resolved",
                    true,
                    "http_config",
                    Map.of(
                        "authorization",
                        Map.of(
                            "type",
                            "Bearer",
                            "credentials_file",
                            tokenFile.toAbsolutePath().toString()))))));
    receivers.add(Map.of("name", "none"));
    if (extraWebhook != null) {
      receivers.add(
          Map.of(
              "name",
              "people",
              "webhook_configs",
              List.of(Map.of("url", extraWebhook, "send_resolved", true))));
    }
    var config = new LinkedHashMap<String, Object>();
    config.put("route", route);
    config.put("receivers", receivers);
    return write(config);
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private static String write(Object tree) {
    try {
      return YAML.writeValueAsString(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
