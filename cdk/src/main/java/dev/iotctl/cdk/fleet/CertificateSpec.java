package dev.iotctl.cdk.fleet;

/**
 * A device certificate: either a CSR for AWS IoT to sign ({@code csr}) or a certificate to register
 * ({@code pem}, with the issuing CA's certificate in {@code ca}, or without a CA as SNI_ONLY).
 * Paths are relative to the fleet file. Private keys never appear here.
 */
public record CertificateSpec(String csr, String pem, String ca, String status) {
  public CertificateSpec {
    status = status == null ? "ACTIVE" : status;
  }
}
