package dev.microscope.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link between the pages of docs/ and README.md resolves to an existing file and,
 * where it has one, to a heading anchor of it; so does every alert's {@code runbook_url} in the
 * rule files (the project's own rules and the chart's copy).
 */
class LinksTest {
  private static final Pattern RUNBOOK_URL =
      Pattern.compile("runbook_url:\\s*\"?https://github\\.com/[^/]+/[^/]+/blob/[^/]+/([^\"\\s]+)");

  @TempDir Path tmp;

  @Test
  void linksBetweenDocsAndReadmeResolve() throws IOException {
    var root = RepoFiles.root();
    var checker = new LinkChecker(root);
    List<Path> pages = new ArrayList<>(markdownUnder(root.resolve("docs")));
    pages.add(root.resolve("README.md"));
    List<String> broken = new ArrayList<>();
    int links = 0;
    for (Path page : pages) {
      broken.addAll(checker.brokenLinks(page));
      links += checker.linkCount(page);
    }
    assertThat(pages).hasSizeGreaterThan(10);
    assertThat(links).as("links checked").isGreaterThan(40);
    assertThat(broken).as("broken links").isEmpty();
  }

  @Test
  void runbookUrlsOfAlertsResolve() throws IOException {
    var root = RepoFiles.root();
    var checker = new LinkChecker(root);
    List<String> broken = new ArrayList<>();
    int urls = 0;
    for (Path rules : ruleFiles(root)) {
      List<String> lines = Files.readAllLines(rules);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).contains("runbook_url") || lines.get(i).strip().startsWith("#")) {
          continue;
        }
        urls++;
        Matcher url = RUNBOOK_URL.matcher(lines.get(i));
        if (!url.find()) {
          broken.add(root.relativize(rules) + ":" + (i + 1) + ": not a link into this repository");
          continue;
        }
        int line = i + 1;
        checker
            .problem(root.resolve("README.md"), url.group(1))
            .ifPresent(why -> broken.add(root.relativize(rules) + ":" + line + ": " + why));
      }
    }
    assertThat(urls).as("runbook_url annotations found").isGreaterThanOrEqualTo(20);
    assertThat(broken).as("broken runbook URLs").isEmpty();
  }

  @Test
  void theCheckerFindsBrokenLinksAndAnchors() throws IOException {
    Files.writeString(tmp.resolve("b.md"), "# Title\n## Do it: now!\n## Again\n## Again\n");
    Files.writeString(
        tmp.resolve("a.md"),
        String.join(
            "\n",
            "[ok](b.md#do-it-now) [ok](b.md#again-1) [ok](#local) [web](https://example.com)",
            "## Local",
            "[gone](missing.md) [bad anchor](b.md#nope)",
            "```",
            "[in code](nowhere.md)",
            "## not a heading",
            "```",
            "[escape](../../etc/passwd) `[in a span](nowhere.md)`"));
    var broken = new LinkChecker(tmp).brokenLinks(tmp.resolve("a.md"));
    assertThat(broken)
        .containsExactly(
            "a.md:3: missing.md (no such file)",
            "a.md:3: b.md#nope (no heading with anchor #nope)",
            "a.md:8: ../../etc/passwd (outside the repository)");
  }

  private static List<Path> markdownUnder(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
    }
  }

  private static List<Path> ruleFiles(Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path dir :
        List.of(
            root.resolve("prometheus-rules"),
            root.resolve("helm/microscope/files/prometheus-rules"))) {
      try (Stream<Path> yml = Files.list(dir)) {
        files.addAll(yml.filter(f -> f.toString().endsWith(".yml")).sorted().toList());
      }
    }
    return files;
  }
}
