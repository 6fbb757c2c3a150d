package dev.microscope.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** The anchors GitHub gives the headings of a Markdown file. */
final class MarkdownAnchors {
  private MarkdownAnchors() {}

  /** Anchors of the headings of {@code level} ({@code 2} for "## "). */
  static Set<String> of(Path markdown, int level) {
    String prefix = "#".repeat(level) + " ";
    Set<String> anchors = new LinkedHashSet<>();
    try {
      for (String line : Files.readAllLines(markdown)) {
        if (line.startsWith(prefix)) {
          anchors.add(anchor(line.substring(prefix.length())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return anchors;
  }

  /** Lower case, punctuation other than '-' and '_' dropped, spaces as '-'. */
  static String anchor(String heading) {
    return heading
        .trim()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N} _-]", "")
        .replace(' ', '-');
  }
}
