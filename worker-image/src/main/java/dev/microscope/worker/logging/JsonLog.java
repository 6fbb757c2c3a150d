package dev.microscope.worker.logging;

import dev.microscope.worker.json.JsonText;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Collection;

/**
 * One-line JSON logs on standard output: {@code {"ts":..,"level":..,"logger":..,"msg":..,...}}.
 * Extra fields come as key/value pairs; numbers and booleans stay JSON numbers and booleans.
 */
public final class JsonLog {
  private static volatile PrintStream out = System.out;

  private final String logger;

  private JsonLog(String logger) {
    this.logger = logger;
  }

  public static JsonLog named(String logger) {
    return new JsonLog(logger);
  }

  /** Where every logger writes; tests point it at a buffer. */
  public static void redirect(PrintStream stream) {
    out = stream;
  }

  public void info(String msg, Object... fields) {
    write("info", msg, null, fields);
  }

  public void warn(String msg, Object... fields) {
    write("warn", msg, null, fields);
  }

  public void error(String msg, Throwable error, Object... fields) {
    write("error", msg, error, fields);
  }

  private void write(String level, String msg, Throwable error, Object[] fields) {
    StringBuilder line = new StringBuilder(128);
    line.append("{\"ts\":\"").append(Instant.now()).append("\",\"level\":\"").append(level);
    line.append("\",\"logger\":");
    JsonText.appendQuoted(line, logger);
    line.append(",\"msg\":");
    JsonText.appendQuoted(line, msg);
    for (int i = 0; i + 1 < fields.length; i += 2) {
      line.append(',');
      JsonText.appendQuoted(line, String.valueOf(fields[i]));
      line.append(':');
      appendValue(line, fields[i + 1]);
    }
    if (error != null) {
      line.append(",\"error\":");
      JsonText.appendQuoted(line, error.toString());
    }
    line.append('}');
    PrintStream stream = out;
    synchronized (stream) {
      stream.println(line);
      stream.flush();
    }
  }

  private static void appendValue(StringBuilder line, Object value) {
    if (value instanceof Number number && Double.isFinite(number.doubleValue())
        || value instanceof Boolean) {
      line.append(value);
    } else if (value instanceof Collection<?> items) {
      line.append('[');
      boolean first = true;
      for (Object item : items) {
        line.append(first ? "" : ",");
        appendValue(line, item);
        first = false;
      }
      line.append(']');
    } else {
      JsonText.appendQuoted(line, String.valueOf(value));
    }
  }
}
