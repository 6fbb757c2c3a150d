package dev.microscope.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders docs/reference/crd.md from the CRD: every field of spec and status with its type,
 * default, validation and description, and for every top-level block of spec the example kept in
 * this module's resources ({@code examples/<block>.yaml}).
 */
public final class CrdReference {
  /** The command that rewrites the committed reference; printed when it is out of date. */
  public static final String REGENERATE =
      "./mvnw -B -ntp -q test -pl docs-tests -am -Dtest=CrdReferenceTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -Ddocs.regenerate=true";

  private final Crd crd;

  public CrdReference(Crd crd) {
    this.crd = crd;
  }

  public Crd crd() {
    return crd;
  }

  /** Writes the reference of {@code crdFile} to {@code out}: {@code CrdReference <crd> <out>}. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[1]);
    Files.writeString(out, new CrdReference(Crd.read(Path.of(args[0]))).render());
  }

  /** The top-level blocks of spec, in schema order. */
  public List<String> specBlocks() {
    return List.copyOf(properties(spec()).keySet());
  }

  /** The example of a top-level block of spec, or null when there is none. */
  public static String example(String block) {
    try (InputStream in = CrdReference.class.getResourceAsStream("examples/" + block + ".yaml")) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String render() {
    var md = new StringBuilder();
    md.append("# ").append(crd.kind()).append(" reference\n\n");
    md.append("<!-- Generated from crds/ by docs-tests (CrdReference); do not edit. Regenerate:\n")
        .append("     ")
        .append(REGENERATE)
        .append(" -->\n\n");
    md.append("`apiVersion: ")
        .append(crd.group())
        .append('/')
        .append(crd.version())
        .append("`, `kind: ")
        .append(crd.kind())
        .append("`, namespaced; short name")
        .append(crd.shortNames().size() == 1 ? " " : "s ")
        .append(crd.shortNames().stream().map(n -> "`" + n + "`").collect(Collectors.joining(", ")))
        .append(
            ". Every field below is also described by `kubectl explain chaosfleet.spec`. A field"
                + " left out takes its default, applied by the API server. The operator checks"
                + " what the schema cannot (relations between"
                + " fields) and names the field in a `Ready=False` condition when it fails.\n\n");
    printerColumns(md);
    md.append("## spec\n\n");
    md.append(text(spec().get("description"))).append("\n\n");
    table(md, properties(spec()), "spec", false);
    for (var block : properties(spec()).entrySet()) {
      Map<String, Object> node = Crd.map(block.getValue());
      md.append("\n### spec.").append(block.getKey()).append("\n\n");
      md.append(text(node.get("description"))).append("\n\n");
      String example = example(block.getKey());
      if (example != null) {
        md.append("```yaml\n").append(example.strip()).append("\n```\n\n");
      }
      table(md, Map.of(block.getKey(), block.getValue()), "spec", true);
    }
    md.append("\n## status\n\n");
    md.append(text(status().get("description"))).append("\n\n");
    table(md, properties(status()), "status", true);
    return md.toString();
  }

  private void printerColumns(StringBuilder md) {
    md.append("`kubectl get chaosfleets` shows:\n\n| column | field | type |\n|---|---|---|\n");
    for (var column : crd.printerColumns()) {
      md.append("| ")
          .append(column.get("name"))
          .append(" | `")
          .append(column.get("jsonPath"))
          .append("` | ")
          .append(column.get("type"))
          .append(" |\n");
    }
    md.append('\n');
  }

  private Map<String, Object> spec() {
    return Crd.map(properties(crd.schema()).get("spec"));
  }

  private Map<String, Object> status() {
    return Crd.map(properties(crd.schema()).get("status"));
  }

  private static void table(
      StringBuilder md, Map<String, Object> fields, String prefix, boolean deep) {
    md.append("| field | type | default | validation | description |\n|---|---|---|---|---|\n");
    rows(md, fields, prefix, List.of(), deep);
  }

  private static void rows(
      StringBuilder md,
      Map<String, Object> fields,
      String prefix,
      List<String> required,
      boolean deep) {
    for (var field : fields.entrySet()) {
      Map<String, Object> node = Crd.map(field.getValue());
      String path = prefix + "." + field.getKey();
      md.append("| `")
          .append(path)
          .append("` | ")
          .append(SchemaField.type(node))
          .append(" | ")
          .append(SchemaField.defaultValue(node))
          .append(" | ")
          .append(SchemaField.validation(node, required.contains(field.getKey())))
          .append(" | ")
          .append(cell(text(node.get("description"))))
          .append(" |\n");
      if (deep) {
        Map<String, Object> children = SchemaField.children(node);
        if (!children.isEmpty()) {
          rows(md, children, SchemaField.childPrefix(path, node), SchemaField.required(node), true);
        }
      }
    }
  }

  private static Map<String, Object> properties(Map<String, Object> node) {
    return Crd.map(node.getOrDefault("properties", Map.of()));
  }

  private static String text(Object description) {
    return description == null ? "" : description.toString().strip();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
