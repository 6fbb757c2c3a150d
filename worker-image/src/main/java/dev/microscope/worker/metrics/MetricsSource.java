package dev.microscope.worker.metrics;

import java.io.IOException;

/** Series written straight into a scrape, next to the registry's own. */
public interface MetricsSource {
  void writeTo(TextExposition out) throws IOException;
}
