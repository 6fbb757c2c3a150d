package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;

/** How the operator reaches Prometheus for this fleet. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PrometheusSpec {
  @JsonPropertyDescription(
      "Base URL of the Prometheus HTTP API; empty takes the operator's --prometheus-url.")
  @Pattern("^https?://[^\\s]+$")
  private String url;

  @JsonPropertyDescription("Credentials from a Secret in the fleet's namespace.")
  private PrometheusAuth auth;

  @JsonPropertyDescription("TLS settings for an https URL.")
  private PrometheusTls tls;

  @JsonPropertyDescription("Deadline of one query.")
  @Pattern(Durations.PATTERN)
  @Default("3s")
  private String queryTimeout = "3s";

  @JsonPropertyDescription("Time between two evaluations of the fleet's signals and rules.")
  @Pattern(Durations.PATTERN)
  @Default("15s")
  private String pollInterval = "15s";

  @JsonPropertyDescription("Failed polls in a row before the fleet enters safe mode.")
  @Min(1)
  @Max(100)
  @Default("3")
  private int failureThreshold = 3;

  @JsonPropertyDescription(
      "What safe mode does while Prometheus cannot be read: DropChaos holds the scale and"
          + " sets chaos to zero; HoldAll changes nothing; StopTraffic also stops the traffic.")
  @Default("DropChaos")
  private WhileBlind whileBlind = WhileBlind.DROP_CHAOS;

  /** Behaviour while Prometheus cannot be read. */
  public enum WhileBlind {
    @JsonProperty("DropChaos")
    DROP_CHAOS,
    @JsonProperty("HoldAll")
    HOLD_ALL,
    @JsonProperty("StopTraffic")
    STOP_TRAFFIC
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public PrometheusAuth getAuth() {
    return auth;
  }

  public void setAuth(PrometheusAuth auth) {
    this.auth = auth;
  }

  public PrometheusTls getTls() {
    return tls;
  }

  public void setTls(PrometheusTls tls) {
    this.tls = tls;
  }

  public String getQueryTimeout() {
    return queryTimeout;
  }

  public void setQueryTimeout(String queryTimeout) {
    this.queryTimeout = queryTimeout;
  }

  public String getPollInterval() {
    return pollInterval;
  }

  public void setPollInterval(String pollInterval) {
    this.pollInterval = pollInterval;
  }

  public int getFailureThreshold() {
    return failureThreshold;
  }

  public void setFailureThreshold(int failureThreshold) {
    this.failureThreshold = failureThreshold;
  }

  public WhileBlind getWhileBlind() {
    return whileBlind;
  }

  public void setWhileBlind(WhileBlind whileBlind) {
    this.whileBlind = whileBlind;
  }
}
