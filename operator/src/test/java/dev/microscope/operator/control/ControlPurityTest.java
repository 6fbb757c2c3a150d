package dev.microscope.operator.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * control/ is the pure brain: it may import the JDK's own java.* packages (no java.net, no java.io:
 * no I/O) and itself, nothing else of ours and no library.
 */
class ControlPurityTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/microscope/operator/control");

  @Test
  void controlImportsNothingButTheJdkAndItself() throws IOException {
    List<String> offending;
    try (Stream<Path> files = Files.list(SOURCES)) {
      offending =
          files
              .filter(f -> f.toString().endsWith(".java"))
              .flatMap(ControlPurityTest::imports)
              .filter(i -> !allowed(i))
              .toList();
    }
    assertThat(offending).isEmpty();
  }

  @Test
  void theCheckRecognisesAForbiddenImport() {
    assertThat(allowed("import dev.microscope.operator.prometheus.QueryResult;")).isFalse();
    assertThat(allowed("import io.fabric8.kubernetes.client.KubernetesClient;")).isFalse();
    assertThat(allowed("import java.net.http.HttpClient;")).isFalse();
    assertThat(allowed("import static java.util.Objects.requireNonNull;")).isTrue();
    assertThat(allowed("import static dev.microscope.operator.control.BuiltinSignal.WORKER_UP;"))
        .isTrue();
  }

  private static boolean allowed(String line) {
    String name = line.replaceFirst("^import\\s+(static\\s+)?", "");
    if (name.startsWith("java.net") || name.startsWith("java.io") || name.startsWith("java.nio")) {
      return false;
    }
    return name.startsWith("java.") || name.startsWith("dev.microscope.operator.control.");
  }

  private static Stream<String> imports(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .map(String::strip)
          .filter(l -> l.startsWith("import "));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
