package dev.microscope.worker.metrics;

import com.sun.net.httpserver.HttpExchange;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code GET /metrics}: the registry's series (JVM, process), then the streamed sources. */
public final class MetricsHandler {
  private final PrometheusMeterRegistry registry;
  private final List<MetricsSource> sources;

  public MetricsHandler(PrometheusMeterRegistry registry, List<MetricsSource> sources) {
    this.registry = registry;
    this.sources = List.copyOf(sources);
  }

  public void handle(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", TextExposition.CONTENT_TYPE);
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream body = exchange.getResponseBody()) {
      body.write(registry.scrape(TextExposition.CONTENT_TYPE).getBytes(StandardCharsets.UTF_8));
      TextExposition out = new TextExposition(body);
      for (MetricsSource source : sources) {
        source.writeTo(out);
      }
      out.flush();
    }
  }
}
