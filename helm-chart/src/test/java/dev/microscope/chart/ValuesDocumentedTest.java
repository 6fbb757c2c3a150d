package dev.microscope.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every value in values.yaml says what it is: a comment right above it, or above a block that is
 * documented as one value with "# --" (a Kubernetes object passed through, like resources).
 */
class ValuesDocumentedTest {
  private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z0-9_.-]+):(.*)$");

  @Test
  void everyValueHasAComment() {
    assertThat(undocumented(ChartFiles.read(ChartFiles.chart().resolve("values.yaml")))).isEmpty();
  }

  @Test
  void anUncommentedValueIsFound() {
    var yaml =
        """
        # -- documented
        a: 1
        block:
          # -- documented
          b: 2
          c: 3
        # -- documented as a whole,
        # on two lines
        passed:
          through: 4
        """;
    assertThat(undocumented(yaml)).containsExactly("block.c");
  }

  /** Dotted paths of leaf values without a comment. */
  static List<String> undocumented(String yaml) {
    var lines = yaml.lines().toList();
    var missing = new ArrayList<String>();
    Deque<Key> parents = new ArrayDeque<>();
    for (int i = 0; i < lines.size(); i++) {
      var m = KEY.matcher(lines.get(i));
      if (!m.matches()) {
        continue;
      }
      int indent = m.group(1).length();
      while (!parents.isEmpty() && parents.peek().indent() >= indent) {
        parents.pop();
      }
      int first = i;
      while (first > 0 && lines.get(first - 1).strip().startsWith("#")) {
        first--;
      }
      boolean commented = first < i;
      var key =
          new Key(indent, m.group(2), commented && lines.get(first).strip().startsWith("# --"));
      boolean block = m.group(3).isBlank() && nextKeyIsDeeper(lines, i, indent);
      boolean coveredByParent = parents.stream().anyMatch(Key::documentsBlock);
      if (!block && !commented && !coveredByParent) {
        var path = new ArrayList<String>();
        parents.descendingIterator().forEachRemaining(p -> path.add(p.name()));
        path.add(key.name());
        missing.add(String.join(".", path));
      }
      if (block) {
        parents.push(key);
      }
    }
    return missing;
  }

  private static boolean nextKeyIsDeeper(List<String> lines, int i, int indent) {
    for (int j = i + 1; j < lines.size(); j++) {
      var line = lines.get(j);
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      var m = KEY.matcher(line);
      return m.matches() && m.group(1).length() > indent;
    }
    return false;
  }

  private record Key(int indent, String name, boolean documentsBlock) {}
}
