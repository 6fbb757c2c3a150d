package dev.microscope.operator.kube;

import dev.microscope.operator.api.v1alpha1.ChaosFleet;
import dev.microscope.operator.api.v1alpha1.Durations;
import dev.microscope.operator.api.v1alpha1.PrometheusAuth;
import dev.microscope.operator.loop.FleetSnapshot.PrometheusTarget;
import dev.microscope.operator.loop.PrometheusSignals;
import dev.microscope.operator.prometheus.Auth;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where and how to query Prometheus for a fleet: the fleet's URL (else the operator's), credentials
 * and CA from Secrets in the fleet's namespace. A missing Secret or key is a problem the status
 * shows (a failed poll), never a crash; no secret value ever reaches a message or a log.
 */
final class PrometheusTargets {
  private final KubernetesClient client;
  private final OperatorConfig config;

  PrometheusTargets(KubernetesClient client, OperatorConfig config) {
    this.client = client;
    this.config = config;
  }

  PrometheusTarget of(ChaosFleet fleet) {
    var spec = fleet.getSpec().getPrometheus();
    var url =
        spec.getUrl() != null && !spec.getUrl().isBlank()
            ? spec.getUrl()
            : config.prometheusUrl().orElse(null);
    if (url == null) {
      return PrometheusTarget.unknown(
          "no Prometheus URL: set spec.prometheus.url or the operator's --prometheus-url");
    }
    try {
      var connection =
          PrometheusSignals.connection(URI.create(url), Durations.parse(spec.getQueryTimeout()));
      if (spec.getAuth() != null) {
        connection = connection.withAuth(auth(fleet, spec.getAuth()));
      }
      var tls = spec.getTls();
      if (tls != null && tls.getCaSecretName() != null) {
        connection =
            connection.withCaPem(
                value(fleet, tls.getCaSecretName(), tls.getCaKey(), "spec.prometheus.tls"));
      }
      return PrometheusTarget.of(connection);
    } catch (IllegalArgumentException e) {
      return PrometheusTarget.unknown(e.getMessage());
    }
  }

  private Auth auth(ChaosFleet fleet, PrometheusAuth auth) {
    var secret = auth.getSecretName();
    return switch (auth.getType()) {
      case BEARER -> Auth.bearer(value(fleet, secret, auth.getTokenKey(), "spec.prometheus.auth"));
      case BASIC ->
          Auth.basic(
              value(fleet, secret, auth.getUsernameKey(), "spec.prometheus.auth"),
              value(fleet, secret, auth.getPasswordKey(), "spec.prometheus.auth"));
    };
  }

  /** One key of a Secret in the fleet's namespace, decoded. */
  private String value(ChaosFleet fleet, String secretName, String key, String field) {
    var namespace = fleet.getMetadata().getNamespace();
    Secret secret = client.secrets().inNamespace(namespace).withName(secretName).get();
    if (secret == null) {
      throw new IllegalArgumentException(
          field + ": Secret " + namespace + "/" + secretName + " not found");
    }
    if (secret.getData() != null && secret.getData().containsKey(key)) {
      try {
        return new String(
            Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        // the decoder's message quotes the offending character: keep it out of the status
        throw new IllegalArgumentException(
            field
                + ": key "
                + key
                + " of Secret "
                + namespace
                + "/"
                + secretName
                + " is not base64");
      }
    }
    if (secret.getStringData() != null && secret.getStringData().containsKey(key)) {
      return secret.getStringData().get(key);
    }
    throw new IllegalArgumentException(
        field + ": Secret " + namespace + "/" + secretName + " has no key " + key);
  }
}
