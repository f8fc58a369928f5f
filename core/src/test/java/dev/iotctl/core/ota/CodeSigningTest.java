package dev.iotctl.core.ota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.core.pki.Pem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class CodeSigningTest {
  private static final byte[] FIRMWARE = "firmware 1.1.0".getBytes(StandardCharsets.UTF_8);

  @Test
  void aSignatureVerifiesWithTheMatchingKeyOnlyAndOnlyForTheSameBytes() throws Exception {
    KeyPair signer = KeyPairs.generate(KeyType.EC_P256);
    KeyPair other = KeyPairs.generate(KeyType.EC_P256);
    String signature = CodeSigning.sign(new ByteArrayInputStream(FIRMWARE), signer.getPrivate());

    assertThat(
            CodeSigning.verify(new ByteArrayInputStream(FIRMWARE), signature, signer.getPublic()))
        .isTrue();
    assertThat(CodeSigning.verify(new ByteArrayInputStream(FIRMWARE), signature, other.getPublic()))
        .isFalse();
    byte[] tampered = FIRMWARE.clone();
    tampered[0] ^= 1;
    assertThat(
            CodeSigning.verify(new ByteArrayInputStream(tampered), signature, signer.getPublic()))
        .isFalse();
    assertThat(
            CodeSigning.verify(
                new ByteArrayInputStream(FIRMWARE), "not base64!", signer.getPublic()))
        .isFalse();
  }

  @Test
  void publicKeysComeFromPublicKeyPemOrACertificateAndRsaKeysCannotSign() {
    KeyPair signer = KeyPairs.generate(KeyType.EC_P256);
    assertThat(CodeSigning.parsePublicKey(Pem.toPem(signer.getPublic())))
        .isEqualTo(signer.getPublic());
    assertThatThrownBy(() -> CodeSigning.parsePublicKey("garbage"))
        .isInstanceOf(IllegalArgumentException.class);
    KeyPair rsa = KeyPairs.generate(KeyType.RSA_2048);
    assertThatThrownBy(() -> CodeSigning.sign(new ByteArrayInputStream(FIRMWARE), rsa.getPrivate()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void firmwareDocumentsRoundTripAndOtherJobsAreNotFirmware() {
    FirmwareDocument doc =
        new FirmwareDocument("1.1.0", "fw.bin", "https://x/fw.bin", 14, "a".repeat(64), "c2ln");
    assertThat(FirmwareDocument.parse(doc.toJsonText())).contains(doc);
    assertThat(FirmwareDocument.parse("{\"operation\":\"reboot\"}")).isEmpty();
    assertThatThrownBy(
            () -> FirmwareDocument.parse("{\"operation\":\"firmware-update\",\"firmware\":{}}"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
