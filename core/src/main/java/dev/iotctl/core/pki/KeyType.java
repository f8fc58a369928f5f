package dev.iotctl.core.pki;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** The key algorithms AWS IoT Core accepts for device and CA certificates that iotctl generates. */
public enum KeyType {
  /** ECDSA on NIST P-256, signed with SHA256withECDSA (the default: small and fast on devices). */
  EC_P256("EC", "SHA256withECDSA"),
  /** RSA 2048, signed with SHA256withRSA. */
  RSA_2048("RSA", "SHA256withRSA");

  private final String keyAlgorithm;
  private final String signatureAlgorithm;

  KeyType(String keyAlgorithm, String signatureAlgorithm) {
    this.keyAlgorithm = keyAlgorithm;
    this.signatureAlgorithm = signatureAlgorithm;
  }

  /** The JCA key algorithm name ({@code EC} or {@code RSA}). */
  public String keyAlgorithm() {
    return keyAlgorithm;
  }

  /** The JCA signature algorithm used with keys of this type. */
  public String signatureAlgorithm() {
    return signatureAlgorithm;
  }

  /**
   * The JCA public key for an encoded SubjectPublicKeyInfo, looked up by algorithm name (the JDK's
   * providers do not resolve key factories by OID).
   */
  public static PublicKey publicKey(SubjectPublicKeyInfo info) throws GeneralSecurityException {
    ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
    String name;
    if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
      name = "EC";
    } else if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
      name = "RSA";
    } else {
      throw new GeneralSecurityException("unsupported public key algorithm " + algorithm);
    }
    try {
      return KeyFactory.getInstance(name).generatePublic(new X509EncodedKeySpec(info.getEncoded()));
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException("malformed public key", e);
    }
  }

  /** The key type of an existing key, from its JCA algorithm name. */
  public static KeyType of(java.security.Key key) {
    return switch (key.getAlgorithm()) {
      case "EC", "ECDSA" -> EC_P256;
      case "RSA" -> RSA_2048;
      default ->
          throw new IllegalArgumentException("unsupported key algorithm " + key.getAlgorithm());
    };
  }
}
