package dev.iotctl.local.gateway;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Test-time X.509: CAs, server and device certificates, client SSL contexts and PEM files. */
final class TestPki {
  private TestPki() {}

  /** A key pair with its certificate. */
  record Issued(KeyPair keys, X509Certificate certificate) {
    String id() {
      return CertificateIds.of(certificate);
    }
  }

  static KeyPair ecKeyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Issued ca(String cn) {
    KeyPair kp = ecKeyPair();
    return new Issued(kp, build(cn, kp, cn, kp, Kind.CA));
  }

  static Issued server(Issued ca) {
    KeyPair kp = ecKeyPair();
    return new Issued(kp, build("localhost", kp, subject(ca), ca.keys(), Kind.SERVER));
  }

  static Issued device(Issued ca, String cn) {
    KeyPair kp = ecKeyPair();
    return new Issued(kp, build(cn, kp, subject(ca), ca.keys(), Kind.CLIENT));
  }

  static Issued selfSigned(String cn) {
    KeyPair kp = ecKeyPair();
    return new Issued(kp, build(cn, kp, cn, kp, Kind.CLIENT));
  }

  private static String subject(Issued ca) {
    return ca.certificate().getSubjectX500Principal().getName().replace("CN=", "");
  }

  private enum Kind {
    CA,
    SERVER,
    CLIENT
  }

  private static X509Certificate build(
      String cn, KeyPair subject, String issuerCn, KeyPair issuer, Kind kind) {
    try {
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              new X500Name("CN=" + issuerCn),
              new BigInteger(64, new SecureRandom()),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(Duration.ofDays(2))),
              new X500Name("CN=" + cn),
              subject.getPublic());
      switch (kind) {
        case CA -> {
          b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
          b.addExtension(
              Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        }
        case SERVER ->
            b.addExtension(
                Extension.subjectAlternativeName,
                false,
                new GeneralNames(
                    new GeneralName[] {
                      new GeneralName(GeneralName.dNSName, "localhost"),
                      new GeneralName(GeneralName.iPAddress, "127.0.0.1")
                    }));
        case CLIENT ->
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      }
      return new JcaX509CertificateConverter()
          .getCertificate(
              b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A TLS 1.2 client context presenting {@code device} and trusting {@code ca}. */
  static SSLContext clientContext(Issued device, X509Certificate ca) {
    try {
      char[] pw = "test".toCharArray();
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry(
          "device", device.keys().getPrivate(), pw, new X509Certificate[] {device.certificate()});
      KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
      kmf.init(keys, pw);
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", ca);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
      tmf.init(trust);
      SSLContext ctx = SSLContext.getInstance("TLSv1.2");
      ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return ctx;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes a certificate, or a private key as PKCS#8, in PEM; the file is 0600 from the start. */
  static void writePem(Path file, Object object) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
      if (object instanceof PrivateKey key) {
        pem.writeObject(new JcaPKCS8Generator(key, null));
      } else {
        pem.writeObject(object);
      }
    }
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, out.toString());
  }
}
