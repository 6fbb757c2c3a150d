/**
 * Reading Prometheus: {@link dev.microscope.operator.prometheus.PrometheusClient} (instant queries
 * with per-attempt timeouts, bounded retries on connection errors, timeouts and 5xx, bearer or
 * basic auth, a custom CA), result decoding into value, no data or error, PromQL built with escaped
 * label values, and {@link dev.microscope.operator.prometheus.SignalQueries}: one query per
 * built-in signal per fleet, each a recording rule where Prometheus has it and the raw expression
 * where it does not. {@link dev.microscope.operator.prometheus.SignalReader} turns one poll's
 * answers into the control loop's {@link dev.microscope.operator.control.Signals}.
 */
package dev.microscope.operator.prometheus;
