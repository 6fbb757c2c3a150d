package dev.microscope.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** Prometheus credentials kept in a Secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PrometheusAuth {
  @JsonPropertyDescription("bearer sends the token key; basic sends username and password.")
  @Required
  private AuthType type;

  @JsonPropertyDescription("Secret in the fleet's namespace holding the credentials.")
  @Required
  @Pattern(NamePatterns.DNS_SUBDOMAIN)
  private String secretName;

  @JsonPropertyDescription("Key of the bearer token in the Secret.")
  @Default("token")
  private String tokenKey = "token";

  @JsonPropertyDescription("Key of the user name in the Secret.")
  @Default("username")
  private String usernameKey = "username";

  @JsonPropertyDescription("Key of the password in the Secret.")
  @Default("password")
  private String passwordKey = "password";

  /** Kind of credentials. */
  public enum AuthType {
    @JsonProperty("bearer")
    BEARER,
    @JsonProperty("basic")
    BASIC
  }

  public AuthType getType() {
    return type;
  }

  public void setType(AuthType type) {
    this.type = type;
  }

  public String getSecretName() {
    return secretName;
  }

  public void setSecretName(String secretName) {
    this.secretName = secretName;
  }

  public String getTokenKey() {
    return tokenKey;
  }

  public void setTokenKey(String tokenKey) {
    this.tokenKey = tokenKey;
  }

  public String getUsernameKey() {
    return usernameKey;
  }

  public void setUsernameKey(String usernameKey) {
    this.usernameKey = usernameKey;
  }

  public String getPasswordKey() {
    return passwordKey;
  }

  public void setPasswordKey(String passwordKey) {
    this.passwordKey = passwordKey;
  }
}
