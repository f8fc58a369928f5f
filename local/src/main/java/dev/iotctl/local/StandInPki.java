package dev.iotctl.local;

import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.core.pki.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The stand-in's own PKI under {@code DIR/pki/}: a root CA (the substitute for Amazon's, handed to
 * clients as {@code root-ca.pem}) and the broker's server certificate for {@code localhost} and
 * {@code 127.0.0.1}. Created on first start, reused later; keys are written 0600. An expiring
 * server certificate is reissued from the same CA, so clients keep trusting it.
 */
record StandInPki(
    CertificateAuthority ca,
    Path rootCaPath,
    X509Certificate serverCertificate,
    PrivateKey serverKey) {

  private static final Duration SERVER_VALIDITY = Duration.ofDays(397);
  private static final Duration RENEW_BEFORE = Duration.ofDays(7);

  static StandInPki loadOrCreate(Path dataDir) {
    Path dir = dataDir.resolve("pki");
    Path caCert = dir.resolve("root-ca.pem");
    Path caKey = dir.resolve("root-ca.key");
    Path serverCert = dir.resolve("server.pem.crt");
    Path serverKey = dir.resolve("server.private.key");
    CertificateAuthority ca;
    if (Files.exists(caCert) && Files.exists(caKey)) {
      ca = CertificateAuthority.load(caCert, caKey);
    } else {
      ca = CertificateAuthority.create("iotctl local root CA", KeyType.EC_P256);
      ca.save(caCert, caKey);
    }
    if (!usable(serverCert, serverKey, ca)) {
      KeyPair keys = KeyPairs.generate(KeyType.EC_P256);
      X509Certificate cert =
          ca.issueServerCertificate(
              keys.getPublic(), List.of("localhost"), List.of("127.0.0.1"), SERVER_VALIDITY);
      Pem.writePrivateKey(serverKey, keys.getPrivate());
      Pem.writeAtomically(serverCert, Pem.toPem(cert));
    }
    return new StandInPki(
        ca, caCert, Pem.parseCertificate(read(serverCert)), Pem.parsePrivateKey(read(serverKey)));
  }

  /** The server certificate exists, was issued by this CA and is not about to expire. */
  private static boolean usable(Path certFile, Path keyFile, CertificateAuthority ca) {
    if (!Files.exists(certFile) || !Files.exists(keyFile)) {
      return false;
    }
    try {
      X509Certificate cert = Pem.parseCertificate(read(certFile));
      cert.verify(ca.certificate().getPublicKey());
      return cert.getNotAfter().toInstant().isAfter(Instant.now().plus(RENEW_BEFORE));
    } catch (java.security.GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
