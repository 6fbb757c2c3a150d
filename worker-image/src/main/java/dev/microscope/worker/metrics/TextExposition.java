package dev.microscope.worker.metrics;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes the Prometheus text format (0.0.4) straight to the response. The per-worker series are
 * streamed from the workers' own counters: no snapshot objects per series, so a process hosting a
 * thousand workers scrapes without a burst of garbage.
 */
public final class TextExposition {
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final Writer out;

  public TextExposition(OutputStream stream) {
    this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
  }

  /** The {@code # HELP} and {@code # TYPE} lines of a family. */
  public void family(String name, String type, String help) throws IOException {
    out.write("# HELP ");
    out.write(name);
    out.write(' ');
    out.write(help);
    out.write("\n# TYPE ");
    out.write(name);
    out.write(' ');
    out.write(type);
    out.write('\n');
  }

  /** One sample; {@code labels} is pre-rendered ({@code a="1",b="2"}), possibly empty. */
  public void sample(String name, String labels, double value) throws IOException {
    sample(name, labels, null, null, value);
  }

  public void sample(String name, String labels, long value) throws IOException {
    start(name, labels, null, null);
    out.write(Long.toString(value));
    out.write('\n');
  }

  /** One sample with one more label after the pre-rendered ones. */
  public void sample(String name, String labels, String key, String value, double number)
      throws IOException {
    start(name, labels, key, value);
    out.write(format(number));
    out.write('\n');
  }

  public void sample(String name, String labels, String key, String value, long number)
      throws IOException {
    start(name, labels, key, value);
    out.write(Long.toString(number));
    out.write('\n');
  }

  private void start(String name, String labels, String key, String value) throws IOException {
    out.write(name);
    boolean any = !labels.isEmpty() || key != null;
    if (any) {
      out.write('{');
      out.write(labels);
      if (key != null) {
        if (!labels.isEmpty()) {
          out.write(',');
        }
        out.write(key);
        out.write("=\"");
        out.write(escape(value));
        out.write('"');
      }
      out.write('}');
    }
    out.write(' ');
  }

  public void flush() throws IOException {
    out.flush();
  }

  /** {@code key="value"} with the value escaped, for building pre-rendered label sets. */
  public static String label(String key, String value) {
    return key + "=\"" + escape(value) + "\"";
  }

  static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  private static String escape(String value) {
    if (value.indexOf('\\') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
      return value;
    }
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
