package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** TLS trust for an https Prometheus. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PrometheusTls {
  @JsonPropertyDescription(
      "Secret in the fleet's namespace holding the CA certificate (PEM) that signed"
          + " Prometheus' certificate; absent trusts the JVM's default CAs.")
  @Pattern(NamePatterns.DNS_SUBDOMAIN)
  private String caSecretName;

  @JsonPropertyDescription("Key of the CA certificate in that Secret.")
  @Default("ca.crt")
  private String caKey = "ca.crt";

  @JsonPropertyDescription("Host name expected in Prometheus' certificate, when not the URL's.")
  private String serverName;

  public String getCaSecretName() {
    return caSecretName;
  }

  public void setCaSecretName(String caSecretName) {
    this.caSecretName = caSecretName;
  }

  public String getCaKey() {
    return caKey;
  }

  public void setCaKey(String caKey) {
    this.caKey = caKey;
  }

  public String getServerName() {
    return serverName;
  }

  public void setServerName(String serverName) {
    this.serverName = serverName;
  }
}
