package dev.iotctl.core.ota;

import dev.iotctl.core.pki.KeyType;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;

/**
 * Signs and verifies firmware with ECDSA: {@code SHA256withECDSA} over the file's bytes, the
 * signature DER-encoded and then base64 (what {@code openssl dgst -sha256 -sign key.pem file |
 * base64} produces, and what AWS's code signing for FreeRTOS OTA uses for ECDSA keys).
 */
public final class CodeSigning {
  public static final String ALGORITHM = "SHA256withECDSA";
  private static final int CHUNK = 64 * 1024;

  private CodeSigning() {}

  /**
   * The base64 signature of everything {@code content} yields.
   *
   * @throws IllegalArgumentException when the key is not an EC key
   */
  public static String sign(InputStream content, PrivateKey key) throws IOException {
    if (!"EC".equals(key.getAlgorithm())) {
      throw new IllegalArgumentException(
          "code signing needs an EC (P-256) private key, not " + key.getAlgorithm());
    }
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initSign(key);
      feed(content, signature);
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
    }
  }

  /**
   * Whether {@code base64Signature} is a valid signature of {@code content} by {@code key}; false
   * for a malformed signature as for a wrong one.
   */
  public static boolean verify(InputStream content, String base64Signature, PublicKey key)
      throws IOException {
    byte[] der;
    try {
      der = Base64.getDecoder().decode(base64Signature);
    } catch (IllegalArgumentException e) {
      return false;
    }
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initVerify(key);
      feed(content, signature);
      return signature.verify(der);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /**
   * The public key in PEM text: a {@code PUBLIC KEY} block or a {@code CERTIFICATE} (its subject's
   * key).
   *
   * @throws IllegalArgumentException when the text holds neither
   */
  public static PublicKey parsePublicKey(String pem) {
    try (PEMParser parser = new PEMParser(new StringReader(pem == null ? "" : pem))) {
      for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
        if (block instanceof SubjectPublicKeyInfo info) {
          return KeyType.publicKey(info);
        }
        if (block instanceof X509CertificateHolder holder) {
          return KeyType.publicKey(holder.getSubjectPublicKeyInfo());
        }
        if (block instanceof X509Certificate certificate) {
          return certificate.getPublicKey();
        }
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("not a PEM public key or certificate: " + e.getMessage());
    }
    throw new IllegalArgumentException("no PUBLIC KEY or CERTIFICATE block in the PEM text");
  }

  private static void feed(InputStream content, Signature signature)
      throws IOException, GeneralSecurityException {
    byte[] buffer = new byte[CHUNK];
    for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
      signature.update(buffer, 0, n);
    }
  }
}
