package dev.microscope.operator.observability;

import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.metrics.Info;

/**
 * The operator's metrics registry: JOSDK's reconcile metrics (without per-resource series, so label
 * values stay bounded), JVM metrics, {@code microscope_operator_build_info}, the fleet gauges and
 * the control loop's metrics.
 */
public class OperatorMetrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final FleetGauges fleets = new FleetGauges(registry);
  private final ControlMetrics control = new ControlMetrics(registry);

  public OperatorMetrics(String version) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    Info.builder()
        .name("microscope_operator_build_info")
        .help("Version of the running operator")
        .labelNames("version")
        .register(registry.getPrometheusRegistry())
        .setLabelValues(version);
  }

  /** Metrics of JOSDK's controllers, reported into this registry. */
  public MicrometerMetrics josdk() {
    return MicrometerMetrics.withoutPerResourceMetrics(registry);
  }

  public FleetGauges fleets() {
    return fleets;
  }

  public ControlMetrics control() {
    return control;
  }

  /** The Prometheus text exposition of every metric. */
  public String scrape() {
    return registry.scrape();
  }
}
