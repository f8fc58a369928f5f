package dev.iotctl.device.testing;

import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.core.pki.Pem;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * Test-only: a {@link CertificateAuthority} whose broker and device certificates are written as PEM
 * files into a test's temporary directory, device keys in the encodings devices meet in the wild
 * (core's PKI writes PKCS#8 only).
 */
public final class TestPki {
  /** PEM encoding of a private key. */
  public enum KeyFormat {
    /** {@code BEGIN PRIVATE KEY}. */
    PKCS8,
    /** {@code BEGIN EC PRIVATE KEY} (SEC1) or {@code BEGIN RSA PRIVATE KEY} (PKCS#1). */
    TRADITIONAL
  }

  /** An issued certificate's files. */
  public record Issued(Path certificate, Path privateKey, X509Certificate x509, PrivateKey key) {}

  private static final Duration VALIDITY = Duration.ofDays(2);

  private final Path directory;
  private final CertificateAuthority ca;
  private final Path caFile;

  private TestPki(Path directory, String name) throws IOException {
    Files.createDirectories(directory);
    this.directory = directory;
    this.ca = CertificateAuthority.create(name, KeyType.EC_P256);
    this.caFile = directory.resolve(name + ".ca.pem");
    Pem.writeAtomically(caFile, Pem.toPem(ca.certificate()));
  }

  /** A new CA named {@code name}; its certificate is written to {@code <name>.ca.pem}. */
  public static TestPki create(Path directory, String name) {
    try {
      return new TestPki(directory, name);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot create test CA", e);
    }
  }

  public Path caFile() {
    return caFile;
  }

  public X509Certificate caCertificate() {
    return ca.certificate();
  }

  /** A server certificate (PKCS#8 EC key) for the given DNS names and IP addresses. */
  public Issued server(String name, List<String> dnsNames, List<String> ipAddresses) {
    KeyPair keys = KeyPairs.generate(KeyType.EC_P256);
    X509Certificate certificate =
        ca.issueServerCertificate(keys.getPublic(), dnsNames, ipAddresses, VALIDITY);
    return write(name, certificate, keys, KeyFormat.PKCS8);
  }

  /** A device (client) certificate with CN {@code name}. */
  public Issued device(String name, KeyType type, KeyFormat format) {
    KeyPair keys = KeyPairs.generate(type);
    X509Certificate certificate = ca.issueDeviceCertificate(keys.getPublic(), name, VALIDITY);
    return write(name, certificate, keys, format);
  }

  private Issued write(String name, X509Certificate certificate, KeyPair keys, KeyFormat format) {
    Path certificateFile = directory.resolve(name + ".cert.pem");
    Path keyFile = directory.resolve(name + ".private.key");
    try {
      Pem.writeAtomically(certificateFile, Pem.toPem(certificate));
      if (format == KeyFormat.PKCS8) {
        Pem.writePrivateKey(keyFile, keys.getPrivate());
      } else {
        writeTraditional(keyFile, keys.getPrivate(), keys.getPublic());
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write test certificate " + name, e);
    }
    return new Issued(certificateFile, keyFile, certificate, keys.getPrivate());
  }

  private static void writeTraditional(Path file, PrivateKey key, PublicKey publicKey)
      throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(out)) {
      if (key instanceof ECPrivateKey ec) {
        pem.writeObject(sec1(ec, publicKey));
      } else {
        pem.writeObject(key); // PKCS#1 "RSA PRIVATE KEY"
      }
    }
  }

  /**
   * SEC1 as OpenSSL and AWS write it: curve OID and public key inside. (Bouncy Castle's generic
   * writer drops both for JDK keys, which no real tool produces.)
   */
  private static PemObject sec1(ECPrivateKey key, PublicKey publicKey) throws IOException {
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
    SubjectPublicKeyInfo publicInfo = SubjectPublicKeyInfo.getInstance(publicKey.getEncoded());
    org.bouncycastle.asn1.sec.ECPrivateKey sec1 =
        new org.bouncycastle.asn1.sec.ECPrivateKey(
            key.getParams().getOrder().bitLength(),
            key.getS(),
            publicInfo.getPublicKeyData(),
            info.getPrivateKeyAlgorithm().getParameters());
    return new PemObject("EC PRIVATE KEY", sec1.getEncoded());
  }
}
