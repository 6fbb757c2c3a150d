package dev.microscope.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links and heading anchors of one Markdown page, outside code (fenced blocks and spans).
 * Anchors are GitHub's: lower case, punctuation other than '-' and '_' dropped, spaces as '-', a
 * repeated heading suffixed with -1, -2, ...
 */
final class MarkdownPage {
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*$");

  /** A link as written, with the line it is on. */
  record Link(int line, String target) {}

  private final List<Link> links;
  private final Set<String> anchors;

  private MarkdownPage(List<Link> links, Set<String> anchors) {
    this.links = links;
    this.anchors = anchors;
  }

  static MarkdownPage read(Path file) {
    try {
      return parse(Files.readAllLines(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MarkdownPage parse(List<String> lines) {
    List<Link> links = new ArrayList<>();
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    String fence = "";
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String stripped = line.strip();
      if (fence.isEmpty() && stripped.startsWith("```")) {
        fence =
            stripped.substring(0, stripped.length() - stripped.replaceFirst("^`+", "").length());
        continue;
      }
      if (!fence.isEmpty()) {
        if (stripped.equals(fence)) {
          fence = "";
        }
        continue;
      }
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String anchor = anchor(heading.group(1));
        int count = seen.merge(anchor, 1, Integer::sum);
        anchors.add(count == 1 ? anchor : anchor + "-" + (count - 1));
      }
      Matcher link = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
      while (link.find()) {
        links.add(new Link(i + 1, link.group(1)));
      }
    }
    return new MarkdownPage(links, anchors);
  }

  static String anchor(String heading) {
    return heading
        .strip()
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N} _-]", "")
        .replace(' ', '-');
  }

  List<Link> links() {
    return links;
  }

  Set<String> anchors() {
    return anchors;
  }
}
