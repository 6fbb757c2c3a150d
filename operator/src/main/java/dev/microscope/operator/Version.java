package dev.microscope.operator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version this jar was built as. */
public final class Version {
  private Version() {}

  public static String current() {
    var properties = new Properties();
    try (var in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version", "unknown");
  }
}
