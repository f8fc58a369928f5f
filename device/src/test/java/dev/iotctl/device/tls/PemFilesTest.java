package dev.iotctl.device.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.core.pki.KeyType;
import dev.iotctl.device.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PemFilesTest {
  @TempDir static Path directory;
  static TestPki pki;

  @BeforeAll
  static void createCa() {
    pki = TestPki.create(directory, "pem-root");
  }

  @ParameterizedTest
  @CsvSource({"EC_P256,PKCS8", "EC_P256,TRADITIONAL", "RSA_2048,PKCS8", "RSA_2048,TRADITIONAL"})
  void readsEcAndRsaKeysInPkcs8AndTraditionalPem(KeyType type, TestPki.KeyFormat format)
      throws Exception {
    TestPki.Issued device = pki.device("device-" + type + "-" + format, type, format);
    String header = Files.readAllLines(device.privateKey()).get(0);
    assertThat(header)
        .isEqualTo(
            format == TestPki.KeyFormat.PKCS8
                ? "-----BEGIN PRIVATE KEY-----"
                : "-----BEGIN " + type.keyAlgorithm() + " PRIVATE KEY-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(device.privateKey())))
        .isEqualTo("rw-------");

    PrivateKey key = PemFiles.readPrivateKey(device.privateKey());

    assertThat(key.getAlgorithm()).isEqualTo(type.keyAlgorithm());
    assertThat(signsFor(key, device.x509())).isTrue();
    SSLContext context =
        DeviceTls.fromPemFiles(pki.caFile(), device.certificate(), device.privateKey());
    assertThat(context.getProtocol()).isEqualTo("TLSv1.2");
  }

  /** The key read back is the certificate's key: what it signs, the certificate verifies. */
  private static boolean signsFor(PrivateKey key, X509Certificate certificate) throws Exception {
    String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
    byte[] probe = "probe".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Signature signer = Signature.getInstance(algorithm);
    signer.initSign(key);
    signer.update(probe);
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance(algorithm);
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(probe);
    return verifier.verify(signature);
  }

  @Test
  void readsEveryCertificateOfAChainInOrder() throws Exception {
    TestPki.Issued device = pki.device("chained", KeyType.EC_P256, TestPki.KeyFormat.PKCS8);
    Path chain = directory.resolve("chain.pem");
    Files.writeString(
        chain, Files.readString(device.certificate()) + Files.readString(pki.caFile()));

    List<X509Certificate> certificates = PemFiles.readCertificates(chain);

    assertThat(certificates).containsExactly(device.x509(), pki.caCertificate());
  }

  @Test
  void failsClearlyWithoutRevealingFileContents() throws IOException {
    TestPki.Issued device = pki.device("swapped", KeyType.EC_P256, TestPki.KeyFormat.PKCS8);

    assertThatThrownBy(() -> PemFiles.readPrivateKey(device.certificate()))
        .isInstanceOf(IOException.class)
        .hasMessage("No unencrypted PEM private key found in " + device.certificate());
    assertThatThrownBy(() -> PemFiles.readCertificates(device.privateKey()))
        .isInstanceOf(IOException.class)
        .hasMessage("No PEM certificate found in " + device.privateKey());
  }
}
