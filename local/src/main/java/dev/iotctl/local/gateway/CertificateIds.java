package dev.iotctl.local.gateway;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/** AWS's certificate id: the SHA-256 of the certificate's DER encoding, lower-case hex. */
final class CertificateIds {
  private CertificateIds() {}

  static String of(X509Certificate certificate) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot compute the certificate id", e);
    }
  }
}
