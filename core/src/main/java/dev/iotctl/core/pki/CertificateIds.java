package dev.iotctl.core.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** AWS's certificate id: the SHA-256 of the certificate's DER encoding, lower-case hex. */
public final class CertificateIds {
  private CertificateIds() {}

  /** The 64-character id AWS IoT reports as {@code certificateId} for this certificate. */
  public static String of(X509Certificate certificate) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot compute the certificate id", e);
    }
  }
}
