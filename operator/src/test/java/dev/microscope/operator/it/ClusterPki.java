package dev.microscope.operator.it;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificates of a throwaway control plane, written as PEM files into one folder: a CA, the
 * API server's serving certificate for 127.0.0.1, client certificates for the administrator ({@code
 * system:masters}) and the controller manager, and the key pair that signs service account tokens.
 * Valid for one day; made in the test JVM so the tier needs no openssl.
 */
final class ClusterPki {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration VALIDITY = Duration.ofDays(1);

  private static final X500Name CA_NAME = new X500Name("CN=microscope-it-ca");

  private final Path dir;
  private final KeyPair caKeys;

  private ClusterPki(Path dir, KeyPair caKeys) {
    this.dir = dir;
    this.caKeys = caKeys;
  }

  /** Makes every certificate and key in {@code dir}. */
  static ClusterPki create(Path dir) {
    try {
      Files.createDirectories(dir);
      var caKeys = rsa();
      var ca =
          sign(
              builder(CA_NAME, CA_NAME, caKeys)
                  .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                  .addExtension(
                      Extension.keyUsage,
                      true,
                      new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
              caKeys);
      var pki = new ClusterPki(dir, caKeys);
      pki.write("ca.crt", pem(ca));
      pki.issue(
          "apiserver",
          "CN=kube-apiserver",
          KeyPurposeId.id_kp_serverAuth,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.dNSName, "kubernetes.default.svc")
              }));
      pki.issue("admin", "O=system:masters,CN=microscope-it-admin", KeyPurposeId.id_kp_clientAuth);
      pki.issue(
          "controller-manager", "CN=system:kube-controller-manager", KeyPurposeId.id_kp_clientAuth);
      var serviceAccounts = rsa();
      pki.write("sa.key", pem(serviceAccounts.getPrivate()));
      pki.write("sa.pub", pem(serviceAccounts.getPublic()));
      return pki;
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot make the control plane's certificates", e);
    }
  }

  Path file(String name) {
    return dir.resolve(name);
  }

  /** A file's content, base64-encoded as kubeconfig's {@code *-data} fields want it. */
  String base64(String name) {
    try {
      return Base64.getEncoder().encodeToString(Files.readAllBytes(file(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void issue(String name, String subject, KeyPurposeId purpose, GeneralNames... altNames)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    var keys = rsa();
    var builder =
        builder(CA_NAME, new X500Name(subject), keys)
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
            .addExtension(
                Extension.keyUsage,
                true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
            .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
    for (var names : altNames) {
      builder.addExtension(Extension.subjectAlternativeName, false, names);
    }
    write(name + ".crt", pem(sign(builder, caKeys)));
    write(name + ".key", pem(keys.getPrivate()));
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys)
      throws CertIOException {
    var now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(64, RANDOM),
        Date.from(now.minus(Duration.ofMinutes(5))),
        Date.from(now.plus(VALIDITY)),
        subject,
        keys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
      throws OperatorCreationException, GeneralSecurityException {
    var holder =
        builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer.getPrivate()));
    return new JcaX509CertificateConverter().getCertificate(holder);
  }

  private static KeyPair rsa() throws GeneralSecurityException {
    var generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048, RANDOM);
    return generator.generateKeyPair();
  }

  private static String pem(Object object) throws IOException {
    var text = new StringWriter();
    try (var writer = new JcaPEMWriter(text)) {
      writer.writeObject(object);
    }
    return text.toString();
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(file(name), content, StandardCharsets.US_ASCII);
  }
}
