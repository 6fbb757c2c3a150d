package dev.microscope.operator.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microscope.testkit.PrometheusServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus behind an HTTPS proxy that demands credentials, with a certificate from a CA
 * only the test knows: the client must send the right header and trust exactly that CA.
 */
class TlsAndAuthTest {
  private static final String TOKEN = "s3cret-token";
  @TempDir static Path dir;
  private static PrometheusServer prometheus;
  private static TestCertificates certificates;
  private static TlsAuthProxy proxy;

  @BeforeAll
  static void start() throws Exception {
    certificates = TestCertificates.create(dir.resolve("tls"));
    prometheus = PrometheusServer.builder(dir.resolve("prometheus")).start();
    proxy =
        new TlsAuthProxy(
            certificates.serverContext,
            prometheus.url(),
            Set.of(
                Auth.bearer(TOKEN).header().orElseThrow(),
                Auth.basic("ops", "pa:ss w0rd").header().orElseThrow()));
  }

  @AfterAll
  static void stop() {
    try (PrometheusServer p = prometheus;
        TlsAuthProxy x = proxy) {
      // both closed, whatever happens
    }
  }

  private static QueryResult query(Auth auth, String caPem) {
    PrometheusConnection connection =
        PrometheusConnection.of(URI.create(proxy.url()))
            .withAuth(auth)
            .withCaPem(caPem)
            .withRetries(2, Duration.ZERO, Duration.ZERO);
    return PrometheusClient.create(connection).query("vector(7)");
  }

  @Test
  void bearerTokenOverTlsWithTheCustomCa() {
    assertThat(query(Auth.bearer(TOKEN), certificates.caPem))
        .isInstanceOfSatisfying(
            QueryResult.Value.class, v -> assertThat(v.single()).isEqualTo(7.0));
  }

  @Test
  void basicAuthOverTlsWithTheCustomCa() {
    assertThat(query(Auth.basic("ops", "pa:ss w0rd"), certificates.caPem))
        .isInstanceOfSatisfying(
            QueryResult.Value.class, v -> assertThat(v.single()).isEqualTo(7.0));
  }

  @Test
  void wrongOrMissingCredentialsAreUnauthorizedAndNotRetried() {
    int before = proxy.rejected();
    assertThat(query(Auth.bearer("wrong"), certificates.caPem))
        .isInstanceOfSatisfying(
            QueryResult.Error.class,
            e -> {
              assertThat(e.kind()).isEqualTo(QueryResult.ErrorKind.UNAUTHORIZED);
              assertThat(e.attempts()).isEqualTo(1);
            });
    assertThat(query(Auth.none(), certificates.caPem))
        .isInstanceOfSatisfying(
            QueryResult.Error.class,
            e -> assertThat(e.kind()).isEqualTo(QueryResult.ErrorKind.UNAUTHORIZED));
    assertThat(proxy.rejected() - before).isEqualTo(2);
  }

  @Test
  void withoutTheCustomCaTheServerIsNotTrusted() {
    assertThat(query(Auth.bearer(TOKEN), null))
        .isInstanceOfSatisfying(
            QueryResult.Error.class,
            e -> {
              assertThat(e.kind()).isEqualTo(QueryResult.ErrorKind.UNREACHABLE);
              assertThat(e.reason()).containsIgnoringCase("certification path");
            });
  }

  @Test
  void aBrokenCaBundleIsRejectedWithTheFieldNamed() {
    assertThatThrownBy(
            () ->
                query(
                    Auth.none(),
                    "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("prometheus.ca ");
  }

  @Test
  void secretsNeverShowInText() {
    assertThat(Auth.bearer(TOKEN).toString()).doesNotContain(TOKEN);
    assertThat(Auth.basic("ops", "pa:ss w0rd").toString()).isEqualTo("Basic[ops:***]");
    PrometheusConnection connection =
        PrometheusConnection.of(URI.create(proxy.url())).withAuth(Auth.bearer(TOKEN));
    assertThat(connection.toString()).doesNotContain(TOKEN);
  }
}
