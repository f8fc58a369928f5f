package dev.iotctl.core.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.core.error.IotException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PkiTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void privateKeyRoundTripsThroughPkcs8AndTraditionalPem(KeyType type) throws Exception {
    KeyPair pair = KeyPairs.generate(type);

    String pkcs8 = Pem.toPem(pair.getPrivate());
    assertThat(pkcs8).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Pem.parsePrivateKey(pkcs8).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());

    // SEC1 "EC PRIVATE KEY" / PKCS#1 "RSA PRIVATE KEY", as openssl writes them.
    StringWriter traditional = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(traditional)) {
      if (type == KeyType.EC_P256) {
        writer.writeObject(new PemObject("EC PRIVATE KEY", sec1(pair)));
      } else {
        writer.writeObject(pair.getPrivate());
      }
    }
    assertThat(traditional.toString())
        .contains(type == KeyType.EC_P256 ? "EC PRIVATE" : "RSA PRIVATE");
    PrivateKey parsed = Pem.parsePrivateKey(traditional.toString());
    assertThat(signs(parsed, pair, type)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void caSignsCsrWithClientAuthAndKeepsTheSubject(KeyType type) throws Exception {
    CertificateAuthority ca = CertificateAuthority.create("iotctl test CA", type);
    KeyPair device = KeyPairs.generate(type);
    PKCS10CertificationRequest csr = Csrs.parsePem(Csrs.toPem(Csrs.create(device, "sensor-1")));

    X509Certificate cert = ca.signCsr(csr, Duration.ofDays(1));

    cert.verify(ca.certificate().getPublicKey());
    cert.checkValidity();
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=sensor-1");
    assertThat(cert.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
    assertThat(cert.getPublicKey()).isEqualTo(device.getPublic());
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    assertThat(cert.getSigAlgName()).isEqualTo(type.signatureAlgorithm());
    assertThat(Pem.parseCertificate(Pem.toPem(cert))).isEqualTo(cert);
  }

  @Test
  void caCertificateIsSelfSignedRoot() throws Exception {
    X509Certificate root = CertificateAuthority.create("root", KeyType.EC_P256).certificate();

    root.verify(root.getPublicKey());
    assertThat(root.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
    assertThat(root.getKeyUsage()[5]).as("keyCertSign").isTrue();
  }

  @Test
  void csrSignedByAnotherKeyIsRefused() {
    KeyPair claimed = KeyPairs.generate(KeyType.EC_P256);
    KeyPair other = KeyPairs.generate(KeyType.EC_P256);
    PKCS10CertificationRequest good = Csrs.create(claimed, "x");
    PKCS10CertificationRequest forged = Csrs.create(other, "x");
    // Splice the first CSR's key into the second's signed body: the signature no longer matches.
    var info = forged.toASN1Structure().getCertificationRequestInfo();
    var spliced =
        new org.bouncycastle.asn1.pkcs.CertificationRequest(
            new org.bouncycastle.asn1.pkcs.CertificationRequestInfo(
                info.getSubject(), good.getSubjectPublicKeyInfo(), info.getAttributes()),
            forged.getSignatureAlgorithm(),
            new org.bouncycastle.asn1.DERBitString(forged.getSignature()));
    CertificateAuthority ca = CertificateAuthority.create("ca", KeyType.EC_P256);

    assertThatThrownBy(
            () -> ca.signCsr(new PKCS10CertificationRequest(spliced), Duration.ofDays(1)))
        .isInstanceOfSatisfying(
            IotException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("InvalidRequestException");
              assertThat(e.httpStatus()).isEqualTo(400);
            });
  }

  @Test
  void serverCertificateCarriesSansAndServerAuth() throws Exception {
    CertificateAuthority ca = CertificateAuthority.create("ca", KeyType.EC_P256);
    KeyPair server = KeyPairs.generate(KeyType.EC_P256);

    X509Certificate cert =
        ca.issueServerCertificate(
            server.getPublic(), List.of("localhost"), List.of("127.0.0.1"), Duration.ofDays(1));

    cert.verify(ca.certificate().getPublicKey());
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
    assertThat(cert.getSubjectAlternativeNames())
        .containsExactlyInAnyOrder(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
  }

  @Test
  void certificateIdIsSha256sumOfTheDer() throws Exception {
    CertificateAuthority ca = CertificateAuthority.create("ca", KeyType.EC_P256);
    X509Certificate cert = ca.certificate();
    Path der = dir.resolve("cert.der");
    Files.write(der, cert.getEncoded());

    Process sha = new ProcessBuilder("sha256sum", der.toString()).start();
    String output = new String(sha.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    assertThat(sha.waitFor()).isZero();

    assertThat(CertificateIds.of(cert)).hasSize(64).isEqualTo(output.split(" ")[0]);
  }

  @Test
  void privateKeyFileIsOwnerOnlyAndCaRoundTripsThroughFiles() throws Exception {
    CertificateAuthority ca = CertificateAuthority.create("ca", KeyType.RSA_2048);
    Path cert = dir.resolve("sub/ca.pem");
    Path key = dir.resolve("sub/ca.key");

    ca.save(cert, key);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cert)))
        .isEqualTo("rw-r--r--");
    assertThat(Files.list(key.getParent())).hasSize(2); // no temp file left behind
    CertificateAuthority loaded = CertificateAuthority.load(cert, key);
    assertThat(loaded.certificate()).isEqualTo(ca.certificate());
    KeyPair device = KeyPairs.generate(KeyType.EC_P256);
    loaded
        .issueDeviceCertificate(device.getPublic(), "d", Duration.ofDays(1))
        .verify(ca.certificate().getPublicKey());
  }

  @Test
  void rewritingAKeyKeepsItOwnerOnly() throws Exception {
    Path key = dir.resolve("device.key");
    Files.writeString(key, "old");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-rw-rw-"));

    Pem.writePrivateKey(key, KeyPairs.generate(KeyType.EC_P256).getPrivate());

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
  }

  @Test
  void parseErrorsAreAwsErrors() {
    assertThatThrownBy(() -> Csrs.parsePem("not a csr"))
        .isInstanceOf(IotException.class)
        .hasMessage("The certificate signing request is not valid");
    assertThatThrownBy(
            () ->
                Csrs.parsePem(
                    "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n"))
        .isInstanceOf(IotException.class)
        .hasMessage("The certificate signing request is not valid");
    assertThatThrownBy(
            () ->
                Pem.parseCertificate(
                    "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
        .isInstanceOfSatisfying(
            IotException.class,
            e -> assertThat(e.errorCode()).isEqualTo("CertificateValidationException"));
    assertThatThrownBy(() -> Pem.parseCertificate("")).isInstanceOf(IotException.class);
    assertThatThrownBy(() -> Pem.parsePrivateKey("garbage"))
        .isInstanceOfSatisfying(
            IotException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidRequestException"));
  }

  @Test
  void parsesEveryCertificateOfABundle() {
    CertificateAuthority a = CertificateAuthority.create("a", KeyType.EC_P256);
    CertificateAuthority b = CertificateAuthority.create("b", KeyType.EC_P256);

    List<X509Certificate> bundle =
        Pem.parseCertificates(Pem.toPem(a.certificate()) + Pem.toPem(b.certificate()));

    assertThat(bundle).containsExactly(a.certificate(), b.certificate());
  }

  /** SEC1 with curve parameters and public key, as {@code openssl ec} writes it. */
  private static byte[] sec1(KeyPair pair) throws Exception {
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded());
    ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
    return new ECPrivateKey(
            256,
            inner.getKey(),
            SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()).getPublicKeyData(),
            info.getPrivateKeyAlgorithm().getParameters())
        .getEncoded();
  }

  private static boolean signs(PrivateKey key, KeyPair pair, KeyType type) throws Exception {
    byte[] data = "data".getBytes(StandardCharsets.UTF_8);
    Signature signer = Signature.getInstance(type.signatureAlgorithm());
    signer.initSign(key);
    signer.update(data);
    Signature verifier = Signature.getInstance(type.signatureAlgorithm());
    verifier.initVerify(pair.getPublic());
    verifier.update(data);
    return verifier.verify(signer.sign());
  }
}
