package dev.microscope.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves links between files of a repository: a relative path must name an existing file or
 * folder, and an anchor must be a heading of the Markdown file it points into.
 */
final class LinkChecker {
  private final Path root;
  private final Map<Path, MarkdownPage> pages = new HashMap<>();

  LinkChecker(Path root) {
    this.root = root;
  }

  /** Every broken relative link of {@code page}, as {@code page:line: target (why)}. */
  List<String> brokenLinks(Path page) {
    List<String> broken = new ArrayList<>();
    for (MarkdownPage.Link link : page(page).links()) {
      String target = link.target();
      if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
        continue; // https:, mailto:: not a file of this repository
      }
      problem(page, target)
          .ifPresent(
              why ->
                  broken.add(
                      root.relativize(page)
                          + ":"
                          + link.line()
                          + ": "
                          + target
                          + " ("
                          + why
                          + ")"));
    }
    return broken;
  }

  /** Why {@code target} (a path with an optional #anchor), relative to {@code from}, is broken. */
  java.util.Optional<String> problem(Path from, String target) {
    int hash = target.indexOf('#');
    String path = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    Path file = path.isEmpty() ? from : from.getParent().resolve(path).normalize();
    if (!file.startsWith(root)) {
      return java.util.Optional.of("outside the repository");
    }
    if (!Files.exists(file)) {
      return java.util.Optional.of("no such file");
    }
    if (anchor != null) {
      if (!file.toString().endsWith(".md")) {
        return java.util.Optional.of("an anchor into a file that is not Markdown");
      }
      if (!page(file).anchors().contains(anchor)) {
        return java.util.Optional.of("no heading with anchor #" + anchor);
      }
    }
    return java.util.Optional.empty();
  }

  int linkCount(Path page) {
    return page(page).links().size();
  }

  private MarkdownPage page(Path file) {
    return pages.computeIfAbsent(file, MarkdownPage::read);
  }
}
