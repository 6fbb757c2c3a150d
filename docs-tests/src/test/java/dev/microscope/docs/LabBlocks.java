package dev.microscope.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Finds the runnable blocks of Markdown pages (the syntax is in docs/labs/README.md). */
final class LabBlocks {
  private static final String EXPECT = "# expect: ";

  private LabBlocks() {}

  /** Every runnable block of every {@code .md} file in {@code dir}, by file name, then order. */
  static List<LabBlock> in(Path dir, Path root) {
    try (Stream<Path> files = Files.list(dir)) {
      List<LabBlock> blocks = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
        blocks.addAll(parse(root.relativize(file).toString(), Files.readAllLines(file)));
      }
      return blocks;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<LabBlock> parse(String name, List<String> lines) {
    List<LabBlock> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String fence = fence(lines.get(i));
      if (fence.isEmpty()) {
        continue;
      }
      int start = i;
      String[] info = lines.get(i).strip().substring(fence.length()).split("\\s+");
      boolean runnable = info.length > 1 && "runnable".equals(info[1]);
      StringBuilder code = new StringBuilder();
      List<String> expects = new ArrayList<>();
      for (i++; i < lines.size() && !lines.get(i).strip().equals(fence); i++) {
        String line = lines.get(i);
        if (line.strip().startsWith(EXPECT)) {
          expects.add(line.strip().substring(EXPECT.length()).strip());
        } else {
          code.append(line).append('\n');
        }
      }
      if (i == lines.size()) {
        throw new IllegalArgumentException(name + ":" + (start + 1) + ": block never closed");
      }
      if (runnable) {
        Map<String, String> attributes = attributes(name, start, info);
        blocks.add(
            new LabBlock(
                name + ":" + (start + 1),
                info[0],
                attributes.getOrDefault("needs", "none"),
                Integer.parseInt(attributes.getOrDefault("timeout", "120")),
                code.toString(),
                List.copyOf(expects)));
      }
    }
    return blocks;
  }

  /** The backticks opening a fenced block (three or more), or empty when the line opens none. */
  private static String fence(String line) {
    String stripped = line.strip();
    int n = 0;
    while (n < stripped.length() && stripped.charAt(n) == '`') {
      n++;
    }
    return n >= 3 ? stripped.substring(0, n) : "";
  }

  private static Map<String, String> attributes(String name, int line, String[] info) {
    String language = info[0];
    if (!language.equals("sh") && !language.equals("promql")) {
      throw new IllegalArgumentException(
          name + ":" + (line + 1) + ": runnable blocks are sh or promql, not '" + language + "'");
    }
    Map<String, String> attributes = new HashMap<>();
    for (int k = 2; k < info.length; k++) {
      String[] pair = info[k].split("=", 2);
      if (pair.length != 2 || !List.of("needs", "timeout").contains(pair[0])) {
        throw new IllegalArgumentException(
            name + ":" + (line + 1) + ": unknown attribute '" + info[k] + "'");
      }
      attributes.put(pair[0], pair[1]);
    }
    String needs = attributes.getOrDefault("needs", "none");
    if (!LabBlock.NEEDS.contains(needs)) {
      throw new IllegalArgumentException(
          name + ":" + (line + 1) + ": needs=" + needs + " is not one of " + LabBlock.NEEDS);
    }
    return attributes;
  }
}
