package dev.iotctl.device.testing;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test-only PKI: a CA that issues a broker certificate and device certificates, written as PEM
 * files (keys 0600 before any byte) into a test's temporary directory.
 */
public final class TestPki {
  /** Key algorithm of an issued certificate. */
  public enum KeyType {
    EC,
    RSA
  }

  /** PEM encoding of a private key. */
  public enum KeyFormat {
    /** {@code BEGIN PRIVATE KEY}. */
    PKCS8,
    /** {@code BEGIN EC PRIVATE KEY} (SEC1) or {@code BEGIN RSA PRIVATE KEY} (PKCS#1). */
    TRADITIONAL
  }

  /** An issued certificate's files. */
  public record Issued(Path certificate, Path privateKey, X509Certificate x509, PrivateKey key) {}

  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  private final Path directory;
  private final KeyPair caKeys;
  private final X509Certificate caCertificate;
  private final Path caFile;

  private TestPki(Path directory, String name) throws Exception {
    this.directory = directory;
    this.caKeys = generate(KeyType.EC);
    X500Name subject = new X500Name("CN=" + name);
    JcaX509v3CertificateBuilder builder = builder(subject, subject, caKeys);
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    this.caCertificate = sign(builder, caKeys.getPrivate());
    this.caFile = directory.resolve(name + ".ca.pem");
    writePem(caFile, caCertificate);
  }

  /** A new CA named {@code name}; its certificate is written to {@code <name>.ca.pem}. */
  public static TestPki create(Path directory, String name) {
    try {
      Files.createDirectories(directory);
      return new TestPki(directory, name);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot create test CA", e);
    }
  }

  public Path caFile() {
    return caFile;
  }

  public X509Certificate caCertificate() {
    return caCertificate;
  }

  /** A server certificate with the given SANs ({@link GeneralName#iPAddress}, dNSName). */
  public Issued server(String name, GeneralName... subjectAltNames) {
    return issue(name, KeyType.EC, KeyFormat.PKCS8, KeyPurposeId.id_kp_serverAuth, subjectAltNames);
  }

  /** A device (client) certificate with CN {@code name}. */
  public Issued device(String name, KeyType type, KeyFormat format) {
    return issue(name, type, format, KeyPurposeId.id_kp_clientAuth);
  }

  private Issued issue(
      String name, KeyType type, KeyFormat format, KeyPurposeId purpose, GeneralName... sans) {
    try {
      KeyPair keys = generate(type);
      JcaX509v3CertificateBuilder builder =
          builder(
              X500Name.getInstance(caCertificate.getSubjectX500Principal().getEncoded()),
              new X500Name("CN=" + name),
              keys);
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          utils.createAuthorityKeyIdentifier(caCertificate));
      builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
      if (sans.length > 0) {
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
      }
      X509Certificate certificate = sign(builder, caKeys.getPrivate());
      Path certificateFile = directory.resolve(name + ".cert.pem");
      Path keyFile = directory.resolve(name + ".private.key");
      writePem(certificateFile, certificate);
      writePrivateKey(keyFile, keys.getPrivate(), format);
      return new Issued(certificateFile, keyFile, certificate, keys.getPrivate());
    } catch (Exception e) {
      throw new IllegalStateException("Cannot issue test certificate " + name, e);
    }
  }

  private static JcaX509v3CertificateBuilder builder(
      X500Name issuer, X500Name subject, KeyPair keys) throws GeneralSecurityException {
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            issuer,
            BigInteger.valueOf(SERIAL.incrementAndGet()),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(2))),
            subject,
            keys.getPublic());
    try {
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    return builder;
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
      throws OperatorCreationException, GeneralSecurityException {
    String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(key);
    return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
  }

  private static KeyPair generate(KeyType type) throws GeneralSecurityException {
    if (type == KeyType.EC) {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    }
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static void writePem(Path file, Object object) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(out)) {
      pem.writeObject(object);
    }
  }

  private static void writePrivateKey(Path file, PrivateKey key, KeyFormat format)
      throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(out)) {
      if (format == KeyFormat.PKCS8) {
        pem.writeObject(new JcaPKCS8Generator(key, null));
      } else {
        pem.writeObject(key);
      }
    }
  }
}
