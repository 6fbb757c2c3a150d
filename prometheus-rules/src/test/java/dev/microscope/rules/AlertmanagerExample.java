package dev.microscope.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The example Alertmanager configuration, unchanged but for where its receivers point: the
 * operator's URL and the secret files are replaced by the test's own, in a work directory.
 */
final class AlertmanagerExample {
  static final String OPERATOR_URL = "http://microscope-operator.microscope-system.svc:8080";
  static final String TOKEN_FILE = "/etc/alertmanager/secrets/microscope-operator-token";
  static final String PAGE_URL_FILE = "/etc/alertmanager/secrets/people-page-webhook-url";
  static final String TICKET_URL_FILE = "/etc/alertmanager/secrets/people-ticket-webhook-url";

  private AlertmanagerExample() {}

  /**
   * Writes the secret files and the templates into {@code workDir} and returns the configuration
   * pointing at {@code receiverBase} (paths /alertmanager, /people-page, /people-ticket).
   */
  static String pointedAt(Path workDir, String receiverBase, String token) {
    try {
      Files.createDirectories(workDir.resolve("templates"));
      try (Stream<Path> templates = Files.list(ModuleFiles.alertmanagerTemplates())) {
        for (Path template : templates.toList()) {
          Files.copy(template, workDir.resolve("templates").resolve(template.getFileName()));
        }
      }
      String config = Files.readString(ModuleFiles.alertmanagerConfig());
      config = replace(config, OPERATOR_URL, receiverBase);
      config = replace(config, TOKEN_FILE, secret(workDir, "operator-token", token));
      config =
          replace(
              config, PAGE_URL_FILE, secret(workDir, "page-url", receiverBase + "/people-page"));
      return replace(
          config, TICKET_URL_FILE, secret(workDir, "ticket-url", receiverBase + "/people-ticket"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String secret(Path workDir, String name, String content) throws IOException {
    Path file = workDir.resolve(name);
    Files.writeString(file, content);
    return file.toString();
  }

  /** Fails when the example no longer contains {@code what}: the test would test another config. */
  private static String replace(String config, String what, String with) {
    if (!config.contains(what)) {
      throw new IllegalStateException("example configuration no longer contains " + what);
    }
    return config.replace(what, with);
  }
}
