package dev.iotctl.local.gateway;

import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.core.pki.CertificateIds;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.core.pki.TlsMaterial;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Test-time X.509 on top of the core PKI: device and server certificates, client TLS contexts. */
public final class TestPki {
  private static final Duration VALIDITY = Duration.ofDays(2);

  private TestPki() {}

  /** A key pair with its certificate. */
  public record Issued(KeyPair keys, X509Certificate certificate) {
    public String id() {
      return CertificateIds.of(certificate);
    }

    public String certificatePem() {
      return Pem.toPem(certificate);
    }
  }

  public static CertificateAuthority ca(String cn) {
    return CertificateAuthority.create(cn, KeyType.EC_P256);
  }

  /** A server certificate for {@code localhost} and {@code 127.0.0.1}. */
  public static Issued server(CertificateAuthority ca) {
    KeyPair kp = KeyPairs.generate(KeyType.EC_P256);
    return new Issued(
        kp,
        ca.issueServerCertificate(
            kp.getPublic(), List.of("localhost"), List.of("127.0.0.1"), VALIDITY));
  }

  public static Issued device(CertificateAuthority ca, String cn) {
    KeyPair kp = KeyPairs.generate(KeyType.EC_P256);
    return new Issued(kp, ca.issueDeviceCertificate(kp.getPublic(), cn, VALIDITY));
  }

  /** A self-signed leaf, as {@code openssl req -x509} makes for "bring your own certificate". */
  static Issued selfSigned(String cn) {
    KeyPair kp = KeyPairs.generate(KeyType.EC_P256);
    try {
      Instant now = Instant.now();
      X500Name name = new X500Name("CN=" + cn);
      X509Certificate cert =
          new JcaX509CertificateConverter()
              .getCertificate(
                  new JcaX509v3CertificateBuilder(
                          name,
                          new BigInteger(64, new SecureRandom()),
                          Date.from(now.minus(Duration.ofHours(1))),
                          Date.from(now.plus(VALIDITY)),
                          name,
                          kp.getPublic())
                      .build(
                          new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
      return new Issued(kp, cert);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A TLS 1.2 client context presenting {@code device} and trusting {@code ca}. */
  public static SSLContext clientContext(Issued device, X509Certificate ca) {
    return TlsMaterial.clientContext(
        Pem.toPem(ca), device.certificatePem(), Pem.toPem(device.keys().getPrivate()));
  }

  /** Writes a certificate (0644), or a private key as PKCS#8 (0600 from the start), in PEM. */
  static void writePem(Path file, Object object) {
    if (object instanceof PrivateKey key) {
      Pem.writePrivateKey(file, key);
    } else {
      Pem.writeAtomically(file, Pem.toPem((X509Certificate) object));
    }
  }
}
